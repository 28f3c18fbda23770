package org.delphipanel.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.delphipanel.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP security rules. Vaadin's configurer does most of the work: it permits Vaadin's own
 * requests and static resources, sets up form login on {@link LoginView}, CSRF protection for
 * everything but its internal requests and the login form post, logout, and then lets each view's
 * {@code @AnonymousAllowed}, {@code @PermitAll} or {@code @RolesAllowed} decide about navigation.
 * Everything else needs a signed-in user.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // load balancers and orchestrators probe health without credentials; the details stay hidden
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        // Spring's default already, but stated because the login must never keep a pre-login session id
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /**
     * Hashes with bcrypt (Spring's default in the delegating encoder), prefixing each hash with
     * {@code {bcrypt}} so that a later change of algorithm can still verify the old hashes.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
