package nl.ontwikkelplein.local;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DailyCronTest {

    private static final String AMSTERDAM = "Europe/Amsterdam";

    @Test
    void nextRunIsTodayOrTomorrowAtThatLocalTime() {
        DailyCron import2am = DailyCron.parse("cron(0 2 * * ? *)", AMSTERDAM);
        assertEquals(new DailyCron(0, 2, ZoneId.of(AMSTERDAM)), import2am);
        // Winter (UTC+1): 02:00 in Amsterdam is 01:00 UTC.
        assertEquals(Instant.parse("2026-01-15T01:00:00Z"), import2am.next(Instant.parse("2026-01-15T00:30:00Z")));
        assertEquals(Instant.parse("2026-01-16T01:00:00Z"), import2am.next(Instant.parse("2026-01-15T01:00:00Z")));
        // Summer (UTC+2): 00:00 UTC.
        assertEquals(Instant.parse("2026-07-01T00:00:00Z"), import2am.next(Instant.parse("2026-06-30T12:00:00Z")));
    }

    @Test
    void daylightSavingGapAndOverlap() {
        // 29 March 2026: 02:00 -> 03:00 in Amsterdam; 02:30 does not exist and runs at 03:30 (01:30 UTC).
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"),
                DailyCron.parse("cron(30 2 * * ? *)", AMSTERDAM).next(Instant.parse("2026-03-28T12:00:00Z")));
        // 25 October 2026: 02:30 happens twice; the run is at the first one (00:30 UTC), once.
        DailyCron overlap = DailyCron.parse("cron(30 2 * * ? *)", AMSTERDAM);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), overlap.next(Instant.parse("2026-10-24T12:00:00Z")));
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), overlap.next(Instant.parse("2026-10-25T00:30:00Z")));
    }

    @Test
    void otherFormsAreRefused() {
        for (String expression : new String[]{"rate(5 minutes)", "cron(0 2 * * MON *)", "cron(0 2 1 * ? *)", "cron(0/5 * * * ? *)",
                "cron(0 2 * * * *)", "cron(0 2 ? * ? *)", "cron(60 2 * * ? *)", "cron(0 24 * * ? *)", "at(2026-01-01T00:00:00)"}) {
            assertThrows(IllegalArgumentException.class, () -> DailyCron.parse(expression, AMSTERDAM), expression);
        }
        DailyCron.parse("cron(0 2 ? * * *)", AMSTERDAM); // '?' may stand in either day field
    }
}
