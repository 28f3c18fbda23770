package org.delphipanel.base;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an uploaded file as UTF-8, strictly: a byte that is not UTF-8 (a file saved as Latin-1 or
 * Windows-1252, UTF-16, or binary) is refused with the line where it is, instead of being replaced by
 * U+FFFD and stored. A UTF-8 byte-order mark is dropped. NUL characters are refused too, because
 * UTF-16 text without a byte-order mark is valid UTF-8 with a NUL after every ASCII letter. Pure and
 * thread-safe.
 */
public final class Utf8Text {

    /** Why a file is not UTF-8 text, and the 1-based line of the first offending byte. */
    public static final class NotUtf8Exception extends IllegalArgumentException {
        private final int line;

        NotUtf8Exception(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final String SAVE_AS = "; save it as \"CSV UTF-8\" (or UTF-8 text) and import it again";

    private Utf8Text() {
    }

    public static String decode(byte[] file) {
        if (file.length >= 2 && ((file[0] & 0xff) == 0xfe && (file[1] & 0xff) == 0xff
                || (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xfe)) {
            throw new NotUtf8Exception(1, "the file is UTF-16 text, not UTF-8" + SAVE_AS);
        }
        int offset = file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb
                && (file[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file, offset, file.length - offset);
        CharBuffer out = CharBuffer.allocate(file.length - offset + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw new NotUtf8Exception(lineOf(file, offset, bad), "the file is not UTF-8 text (byte " + (bad + 1)
                    + " is not UTF-8, as in a file saved as Latin-1, Windows-1252 or a binary file)" + SAVE_AS);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new NotUtf8Exception(lineOf(text, nul), "the file contains NUL characters: it is binary, or UTF-16"
                    + " text without a byte-order mark" + SAVE_AS);
        }
        return text;
    }

    private static int lineOf(byte[] file, int from, int to) {
        int line = 1;
        for (int i = from; i < to; i++) {
            if (file[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOf(String text, int to) {
        int line = 1;
        for (int i = 0; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
