package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersTest {

    private static MockHttpServletResponse filter(MockHttpServletRequest request, MockHttpServletResponse response)
            throws Exception {
        new SecurityHeaders().doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void hsts_is_sent_over_https_only() throws Exception {
        var https = new MockHttpServletRequest("GET", "/");
        https.setSecure(true);
        assertThat(filter(https, new MockHttpServletResponse()).getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(filter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse())
                .getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void every_header_is_set_and_one_set_before_is_left_alone() throws Exception {
        var response = new MockHttpServletResponse();
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        filter(new MockHttpServletRequest("GET", "/api/ratings"), response);
        assertThat(response.getHeaders("Content-Security-Policy")).containsExactly("default-src 'none'");
        SecurityHeaders.HEADERS.keySet().forEach(name -> assertThat(response.getHeader(name)).as(name).isNotBlank());
    }
}
