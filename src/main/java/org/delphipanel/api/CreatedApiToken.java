package org.delphipanel.api;

/**
 * A token just created, with its secret: the only time the secret exists outside its owner's hands,
 * because the database keeps only its hash.
 */
public record CreatedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token + ", secret=***]";
    }
}
