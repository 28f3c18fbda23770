package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvitationTokensTest {

    /** Hands out the bytes it was given, so the encoding can be checked against an independent encoder. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] target) {
            System.arraycopy(bytes, 0, target, 0, target.length);
        }
    }

    @Test
    void a_token_is_32_random_bytes_in_url_safe_base64_without_padding() {
        byte[] high = new byte[32];
        for (int i = 0; i < 32; i++) {
            high[i] = (byte) (224 + i);
        }
        // Python: base64.urlsafe_b64encode(bytes(range(224, 256))).decode().rstrip('=')
        assertThat(InvitationTokens.newToken(new FixedRandom(high)))
                .isEqualTo("4OHi4-Tl5ufo6err7O3u7_Dx8vP09fb3-Pn6-_z9_v8");
    }

    @Test
    void fresh_tokens_differ_and_decode_to_32_bytes() {
        var random = new SecureRandom();
        String first = InvitationTokens.newToken(random);
        String second = InvitationTokens.newToken(random);
        assertThat(first).isNotEqualTo(second).hasSize(43);
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(InvitationTokens.isWellFormed(first)).isTrue();
    }

    @Test
    void the_stored_hash_is_the_sha256_of_the_token_in_hex() {
        // Python: hashlib.sha256(b'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ').hexdigest()
        assertThat(InvitationTokens.hash("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"))
                .isEqualTo("46a2199782c8827f0ac56f503be9d39efee97f40a736b92cc7d7c5f825cfd851");
    }

    @Test
    void a_token_matches_only_its_own_hash() {
        String token = InvitationTokens.newToken(new SecureRandom());
        String other = InvitationTokens.newToken(new SecureRandom());
        String stored = InvitationTokens.hash(token);
        assertThat(InvitationTokens.matches(token, stored)).isTrue();
        assertThat(InvitationTokens.matches(other, stored)).isFalse();
        assertThat(stored).doesNotContain(token);
    }

    @Test
    void strings_of_the_wrong_shape_are_not_tokens() {
        assertThat(InvitationTokens.isWellFormed("")).isFalse();
        assertThat(InvitationTokens.isWellFormed("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")).isFalse();
        assertThat(InvitationTokens.isWellFormed("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh")).isFalse();
        assertThat(InvitationTokens.isWellFormed("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdH/8")).isFalse();
        assertThat(InvitationTokens.isWellFormed("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")).isTrue();
    }
}
