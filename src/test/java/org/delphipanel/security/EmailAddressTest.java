package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void addresses_are_trimmed_and_lower_cased() {
        assertThat(EmailAddress.of("  Ada.Lovelace@Example.ORG ").value()).isEqualTo("ada.lovelace@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.org", "ada@example", "ada lovelace@example.org",
            "ada@@example.org", "ada@-example.org", "ada@example..org"})
    void malformed_addresses_are_refused_with_an_example_of_the_expected_shape(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + raw + "\" is not a valid e-mail address; expected something like name@example.org.");
    }

    @Test
    void an_empty_address_asks_for_one() {
        assertThatThrownBy(() -> EmailAddress.of("  ")).hasMessage("Enter an e-mail address.");
        assertThatThrownBy(() -> EmailAddress.of(null)).hasMessage("Enter an e-mail address.");
    }

    @Test
    void common_real_world_shapes_are_accepted() {
        assertThat(EmailAddress.of("first.last+delphi@sub.example.co.uk").value())
                .isEqualTo("first.last+delphi@sub.example.co.uk");
        assertThat(EmailAddress.of("o'brien@example-lab.org").value()).isEqualTo("o'brien@example-lab.org");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"<script>@example.org", "ada\u0000@example.org",
            "a\u0007b@example.org", "\"quoted\"@example.org", "a,b@example.org", "a;b@example.org", "a:b@example.org",
            "(comment)a@example.org", "a[1]@example.org", "a\\b@example.org"})
    void specials_that_are_only_valid_quoted_and_control_characters_are_refused(String address) {
        assertThatThrownBy(() -> EmailAddress.of(address)).hasMessageContaining("is not a valid e-mail address");
    }

    @Test
    void international_local_parts_are_still_accepted() {
        assertThat(EmailAddress.of("jürgen@example.org").value()).isEqualTo("jürgen@example.org");
    }
}
