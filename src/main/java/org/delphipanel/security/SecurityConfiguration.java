package org.delphipanel.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import org.delphipanel.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.Ordered;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The HTTP security rules. Vaadin's configurer does most of the work: it permits Vaadin's own
 * requests and static resources, sets up form login on {@link LoginView}, CSRF protection for
 * everything but its internal requests and the login form post, logout, and then lets each view's
 * {@code @AnonymousAllowed}, {@code @PermitAll} or {@code @RolesAllowed} decide about navigation.
 * Everything else needs a signed-in user. On top of that: sign-in throttling ({@link LoginThrottle})
 * and the hardening headers of every response ({@link SecurityHeaders}). docs/security.md lists the
 * settings.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        // load balancers and orchestrators probe health without credentials; the details stay hidden
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // the request that failed was authorized by its own chain (this one or the API's); its
                // error response (status and path only, see server.error.*) must not turn into a
                // redirect to the login page
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // Spring's default already, but stated because the login must never keep a pre-login session id
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
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

    @Bean
    LoginThrottle loginThrottle(Clock clock,
            @Value("${delphi.login.max-failures-per-account:5}") int maxFailuresPerAccount,
            @Value("${delphi.login.max-failures-per-address:20}") int maxFailuresPerAddress,
            @Value("${delphi.login.lockout:15m}") Duration lockout) {
        return new LoginThrottle(clock, maxFailuresPerAccount, maxFailuresPerAddress, lockout);
    }

    /**
     * A servlet-container filter rather than a part of this chain, so it also covers other security
     * filter chains (the API's) and error dispatches.
     */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
                DispatcherType.ASYNC, DispatcherType.INCLUDE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
