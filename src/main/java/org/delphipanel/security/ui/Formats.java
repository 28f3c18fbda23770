package org.delphipanel.security.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as these views show them: in UTC and saying so, because the server does not know the reader's zone. */
final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
