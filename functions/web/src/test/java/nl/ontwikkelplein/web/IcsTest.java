package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.HARDENBERG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import org.junit.jupiter.api.Test;

class IcsTest {
    @Test
    void oneEventPerDateInAmsterdamTimeWithAStableUid() {
        Offer offer = Fixtures.klikEnTik();
        String ics = Ics.calendar(offer, offer.sessions(), HARDENBERG, Fixtures.NOW);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertEquals(offer.sessions().size(), ics.split("BEGIN:VEVENT", -1).length - 1);
        Session first = offer.sessions().get(0);
        assertTrue(ics.contains("UID:" + offer.id() + "." + first.id() + "@ontwikkelplein\r\n"));
        assertTrue(ics.contains("DTSTART;TZID=Europe/Amsterdam:20261201T140000\r\n"), ics);
        assertTrue(ics.contains("TZID:Europe/Amsterdam"));
        assertTrue(ics.contains("DTSTAMP:20261124T090000Z"));
        assertTrue(ics.replace("\r\n", "").indexOf('\n') < 0, "only CRLF line ends");
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedBetweenCharacters() {
        String title = "Taal; rekenen, \\ digitaal\nnieuwe regel " + "é".repeat(60);
        Offer offer = Fixtures.offer(title, "x", Fixtures.klikEnTik().sessions());
        String ics = Ics.calendar(offer, List.of(offer.sessions().get(0)), null, Fixtures.NOW);
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Taal\\; rekenen\\, \\\\ digitaal\\nnieuwe regel " + "é".repeat(60) + "\r\n"), unfolded);
        for (String line : ics.split("\r\n")) assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        assertTrue(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(ics), "no character split in two");
        assertEquals("a", Ics.text("a\u0000\u0007"), "control characters dropped");
    }

    @Test
    void aCalledOffDateIsCancelled() {
        Offer offer = Fixtures.klikEnTik();
        Session s = offer.sessions().get(0);
        Session off = new Session(s.id(), s.start(), s.end(), s.locationId(), s.seats(), 0, Session.SessionStatus.CANCELLED, "De docent is ziek");
        String ics = Ics.calendar(offer, List.of(off), HARDENBERG, Fixtures.NOW);
        assertTrue(ics.contains("STATUS:CANCELLED\r\n"));
    }
}
