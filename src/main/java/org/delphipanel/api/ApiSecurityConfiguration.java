package org.delphipanel.api;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The security chain of {@code /api/**}, ahead of the application's own chain: stateless, bearer tokens
 * only. No session is created or read and no cookie counts, so a browser's login cannot be used against
 * the API by another site; that is also why CSRF protection is off here (it guards cookie-borne sessions).
 * Only the OpenAPI description is open without a token.
 */
@Configuration
class ApiSecurityConfiguration {

    static final String OPENAPI_PATH = "/api/openapi.json";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPENAPI_PATH, OPENAPI_PATH + "/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> ApiErrorWriter.unauthorized(response,
                                "This endpoint needs an API token: send \"Authorization: Bearer <token>\". Create a"
                                        + " token on the API tokens page of your account.", false))
                        .accessDeniedHandler((request, response, e) -> ApiErrorWriter.write(response,
                                ApiError.of(HttpStatus.FORBIDDEN, e.getMessage(), List.of()))));
        return http.build();
    }
}
