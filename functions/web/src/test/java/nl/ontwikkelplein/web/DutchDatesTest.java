package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.LOCATIONS;
import static nl.ontwikkelplein.web.Fixtures.ORG;
import static nl.ontwikkelplein.web.Fixtures.ORGS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Dates in Dutch, in Europe/Amsterdam, whatever the JVM's own zone and locale. */
class DutchDatesTest {
    private final Pages pages = new Pages();

    @Test
    void formatsDatesAndTimesInDutch() {
        assertEquals("dinsdag 1 december 2026", DutchFormat.date(LocalDate.parse("2026-12-01")));
        assertEquals("zaterdag 28 maart 2026", DutchFormat.date(LocalDate.parse("2026-03-28")));
        assertEquals("14.00 – 16.00 uur", DutchFormat.timeRange(LocalDateTime.parse("2026-12-01T14:00"), LocalDateTime.parse("2026-12-01T16:00")));
        assertEquals("9.30 – 12.15 uur", DutchFormat.timeRange(LocalDateTime.parse("2026-12-01T09:30"), LocalDateTime.parse("2026-12-01T12:15")));
        assertEquals("20.00 uur tot woensdag 2 december 2026, 1.00 uur",
                DutchFormat.timeRange(LocalDateTime.parse("2026-12-01T20:00"), LocalDateTime.parse("2026-12-02T01:00")));
        assertEquals("Nog 1 plaats", DutchFormat.seatsLeft(1));
        assertEquals("Nog 7 plaatsen", DutchFormat.seatsLeft(7));
    }

    @Test
    void offsetsFollowSummerTime() {
        // Summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
        assertEquals("2026-03-28T14:00:00+01:00", DutchFormat.isoWithOffset(LocalDateTime.parse("2026-03-28T14:00")));
        assertEquals("2026-03-29T14:00:00+02:00", DutchFormat.isoWithOffset(LocalDateTime.parse("2026-03-29T14:00")));
        assertEquals("2026-10-24T14:00:00+02:00", DutchFormat.isoWithOffset(LocalDateTime.parse("2026-10-24T14:00")));
        assertEquals("2026-10-25T14:00:00+01:00", DutchFormat.isoWithOffset(LocalDateTime.parse("2026-10-25T14:00")));
    }

    @Test
    void jsonLdStartAndEndCarryTheOffsetOfTheirDay() throws Exception {
        Offer offer = Fixtures.offer("Klik & Tik", null, List.of(
                Fixtures.session("za", LocalDateTime.parse("2026-03-28T14:00"), 10, 0),
                Fixtures.session("zo", LocalDateTime.parse("2026-03-29T14:00"), 10, 0)));
        String html = pages.offer(offer, LOCATIONS, ORG, Instant.parse("2026-03-20T09:00:00Z"));
        JsonNode graph = Html.jsonLd(html).get("@graph");
        assertEquals("2026-03-28T14:00:00+01:00", graph.get(0).get("startDate").asText());
        assertEquals("2026-03-28T16:00:00+01:00", graph.get(0).get("endDate").asText());
        assertEquals("2026-03-29T14:00:00+02:00", graph.get(1).get("startDate").asText());
        Document doc = Html.parse(html);
        assertEquals(List.of("Zaterdag 28 maart 2026", "Zondag 29 maart 2026"), doc.select(".op-session h3").eachText());
        assertEquals(List.of("2026-03-28T14:00:00+01:00", "2026-03-29T14:00:00+02:00"), doc.select(".op-session time").eachAttr("datetime"));
    }

    @Test
    void todayIsTheDutchToday() {
        // 22:30 UTC on Saturday 24 October is already Sunday 25 October, 0.30 in the Netherlands.
        Instant now = Instant.parse("2026-10-24T22:30:00Z");
        Offer offer = Fixtures.offer("Taalcafé", null, List.of(
                Fixtures.session("zo", LocalDateTime.parse("2026-10-25T10:00"), null, 0),
                Fixtures.session("ma", LocalDateTime.parse("2026-10-26T10:00"), null, 0),
                Fixtures.session("di", LocalDateTime.parse("2026-10-27T10:00"), null, 0)));
        String html = pages.home(offer.sessions().stream().map(s -> Fixtures.entry(offer, s)).toList(), LOCATIONS, ORGS, now);
        Document doc = Html.parse(html);
        assertEquals(List.of("Vandaag, zondag 25 oktober 2026", "Morgen, maandag 26 oktober 2026", "Dinsdag 27 oktober 2026"),
                doc.select("main h2").eachText());
        assertEquals("10.00 – 12.00 uur", doc.selectFirst("main time").text());
        assertEquals("2026-10-25T10:00:00+01:00", doc.selectFirst("main time").attr("datetime"));
    }

    @Test
    void startedSessionsLeaveThePagesOnTheDaySummerTimeStarts() {
        // 12.30 UTC on 29 March 2026 is 14.30 in summer time: the 14.00 session has started, the 15.00 one has not.
        Instant now = Instant.parse("2026-03-29T12:30:00Z");
        Offer offer = Fixtures.offer("Klik & Tik", null, List.of(
                Fixtures.session("twee-uur", LocalDateTime.parse("2026-03-29T14:00"), 10, 0),
                Fixtures.session("drie-uur", LocalDateTime.parse("2026-03-29T15:00"), 10, 0)));
        Document page = Html.parse(pages.offer(offer, LOCATIONS, ORG, now));
        assertEquals(List.of("15.00 – 17.00 uur"), page.select(".op-session time").eachText());
        Document home = Html.parse(pages.home(offer.sessions().stream().map(s -> Fixtures.entry(offer, s)).toList(), LOCATIONS, ORGS, now));
        assertEquals(List.of("15.00 – 17.00 uur"), home.select("main time").eachText());
        assertEquals("Vandaag, zondag 29 maart 2026", home.selectFirst("main h2").text());
    }
}
