package org.delphipanel.security;

import java.util.UUID;

/** Addresses that no other test (or earlier run on the shared PostgreSQL schema) has used. */
public final class SecurityTestData {

    /** A password that meets the policy. */
    public static final String PASSWORD = "correct horse battery staple";

    private SecurityTestData() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
