package org.delphipanel.base.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How every view writes a moment: in UTC and saying so, because the server does not know the reader's
 * time zone, in an order no reader can misread (year first).
 */
public final class Times {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2026-12-18 21:06 UTC}, or a dash when there is no moment. */
    public static String dateTime(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** {@code 21:06:12 UTC}: for "saved at" within the same day. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
