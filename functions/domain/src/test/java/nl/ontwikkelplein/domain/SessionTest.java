package nl.ontwikkelplein.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SessionTest {
    @Test
    void wallClockTimesAreAmsterdamTimeAcrossDaylightSaving() {
        Session winter = new Session("a", LocalDateTime.parse("2026-12-01T14:00"), LocalDateTime.parse("2026-12-01T16:00"), "l", 10, 0, null);
        Session summer = new Session("b", LocalDateTime.parse("2026-07-01T14:00"), LocalDateTime.parse("2026-07-01T16:00"), "l", 10, 0, null);
        assertEquals(Instant.parse("2026-12-01T13:00:00Z"), winter.startInstant());
        assertEquals(Instant.parse("2026-07-01T12:00:00Z"), summer.startInstant());
    }

    @Test
    void seats() {
        Session s = new Session("a", LocalDateTime.parse("2026-12-01T14:00"), LocalDateTime.parse("2026-12-01T16:00"), "l", 2, 1, null);
        assertEquals(1, s.seatsLeft());
        assertFalse(s.isFull());
        assertTrue(s.withTaken(2).isFull());
        Session walkIn = new Session("b", s.start(), s.end(), "l", null, 0, null);
        assertFalse(walkIn.needsEnrolment());
        assertFalse(walkIn.isFull());
    }
}
