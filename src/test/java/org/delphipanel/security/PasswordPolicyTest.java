package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void eleven_characters_are_too_few_and_twelve_are_enough() {
        assertThatThrownBy(() -> PasswordPolicy.check("abcdefghijk"))
                .hasMessage("A password needs at least 12 characters.");
        assertThatCode(() -> PasswordPolicy.check("abcdefghijkl")).doesNotThrowAnyException();
    }

    @Test
    void length_counts_characters_not_bytes() {
        // 12 characters, 24 bytes in UTF-8
        assertThatCode(() -> PasswordPolicy.check("ääääääääääää")).doesNotThrowAnyException();
    }

    @Test
    void passwords_longer_than_bcrypt_reads_are_refused() {
        assertThatCode(() -> PasswordPolicy.check("a".repeat(72))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(73))).hasMessageContaining("at most 72 bytes");
        // 37 two-byte characters are 74 bytes
        assertThatThrownBy(() -> PasswordPolicy.check("ä".repeat(37))).hasMessageContaining("at most 72 bytes");
    }

    @Test
    void a_password_of_spaces_is_refused() {
        assertThatThrownBy(() -> PasswordPolicy.check(" ".repeat(14))).hasMessage("A password cannot be only spaces.");
    }

    @Test
    void the_confirmation_must_match() {
        assertThatThrownBy(() -> PasswordPolicy.check("correct horse battery", "correct horse batterY"))
                .hasMessage("The two passwords do not match.");
        assertThatCode(() -> PasswordPolicy.check("correct horse battery", "correct horse battery"))
                .doesNotThrowAnyException();
    }
}
