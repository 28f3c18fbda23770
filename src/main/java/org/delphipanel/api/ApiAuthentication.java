package org.delphipanel.api;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a request that carried a valid API token. Its name is the owner's e-mail address,
 * which is how {@code UserService.currentUser()} finds the signed-in person, so every service acts for the
 * token's owner exactly as after a login; its authorities are the owner's role and the token's scope.
 * It keeps no credentials: the token string is not needed after the lookup.
 */
final class ApiAuthentication extends AbstractAuthenticationToken {

    private final ApiPrincipal principal;

    ApiAuthentication(ApiPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority(principal.role().authority()),
                new SimpleGrantedAuthority("SCOPE_" + principal.scope().name().toLowerCase())));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public ApiPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return principal.email();
    }
}
