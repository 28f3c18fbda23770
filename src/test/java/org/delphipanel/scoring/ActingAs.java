package org.delphipanel.scoring;

import java.util.Arrays;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a signed-in user into the security context, as a login would, for service tests. */
public final class ActingAs {

    private ActingAs() {
    }

    public static void user(String email, String... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(email, null, authorities));
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
