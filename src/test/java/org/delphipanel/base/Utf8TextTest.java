package org.delphipanel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

    @Test
    void utf8_text_comes_back_unchanged_and_without_its_byte_order_mark() {
        assertThat(Utf8Text.decode("a,ü,€,😀\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("a,ü,€,😀\n");
        assertThat(Utf8Text.decode("\uFEFFname\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("name\n");
        assertThat(Utf8Text.decode(new byte[0])).isEmpty();
    }

    @Test
    void a_latin1_byte_is_refused_with_its_line_and_byte() {
        byte[] latin1 = "name\nok\nGröße\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Utf8Text.decode(latin1))
                .isInstanceOfSatisfying(Utf8Text.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("byte 11 is not UTF-8");
    }

    @Test
    void a_sequence_cut_off_at_the_end_is_refused() {
        byte[] cut = {'a', (byte) 0xe2, (byte) 0x82};
        assertThatThrownBy(() -> Utf8Text.decode(cut)).isInstanceOf(Utf8Text.NotUtf8Exception.class);
    }

    @Test
    void utf16_with_or_without_a_byte_order_mark_is_refused() {
        assertThatThrownBy(() -> Utf8Text.decode("name".getBytes(StandardCharsets.UTF_16)))
                .hasMessageContaining("UTF-16 text, not UTF-8");
        assertThatThrownBy(() -> Utf8Text.decode("name\nx".getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOfSatisfying(Utf8Text.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("NUL characters");
    }
}
