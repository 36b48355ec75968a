package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;
import org.junit.jupiter.api.Test;

/** schema.org JSON-LD as partners publish it, and as nobody should. */
class SchemaOrgFeedTest {
    static final Instant NOW = IcalFeedTest.NOW; // Monday 7 December 2026

    static FeedContent parse(String text) { return SchemaOrgFeed.parse("partner", text.getBytes(StandardCharsets.UTF_8), NOW); }

    static FeedOffer offer(FeedContent c, String id) {
        return c.offers().stream().filter(o -> o.externalId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + c));
    }

    static List<String> starts(FeedOffer o) { return o.input().sessions().stream().map(OfferInput.SessionInput::start).toList(); }

    static Problem problem(FeedContent c, String id) {
        return c.problems().stream().filter(p -> id.equals(p.externalId())).findFirst().orElseThrow(() -> new AssertionError(id + " in " + c.problems()));
    }

    static boolean complete(FeedContent c) { return c.problems().stream().allMatch(p -> p.externalId() != null && !p.externalId().isEmpty()); }

    @Test
    void aWeeklyScheduleGivesItsDatesWithoutTheExceptedOneInDutchTime() {
        FeedContent c = parse("""
                {"@context": "https://schema.org", "@type": "EducationEvent", "@id": "https://partner.example/taalcafe#event",
                 "name": "Taalcafé", "description": "<p>Samen Nederlands praten.</p><p>Iedereen is welkom &amp; het is gratis.</p>",
                 "keywords": "Inloopuur, Basisvaardigheden, Nederlands spreken, Taalcafé", "audience": {"@type": "Audience", "audienceType": "anderstaligen"}, "isAccessibleForFree": true, "inLanguage": ["nl", "en-GB", "Klingon"],
                 "location": {"@type": "Place", "name": "Bibliotheek Ommen",
                   "address": {"@type": "PostalAddress", "streetAddress": "Markt 1", "postalCode": "7731dc", "addressLocality": "Ommen"}},
                 "eventSchedule": {"@type": "Schedule", "repeatFrequency": "P1W", "byDay": "https://schema.org/Tuesday",
                   "startDate": "2026-12-08", "endDate": "2027-01-31", "startTime": "14:00:00", "endTime": "16:00:00",
                   "exceptDate": ["2026-12-29"], "scheduleTimezone": "Europe/Amsterdam"}}
                """);
        assertEquals(List.of(), c.problems());
        FeedOffer o = offer(c, "https://partner.example/taalcafe#event");
        assertEquals("Taalcafé", o.input().title());
        assertEquals("Samen Nederlands praten.\nIedereen is welkom & het is gratis.", o.input().description(), "HTML to text, entities read");
        assertEquals("DROP_IN", o.input().kind());
        assertEquals("BASIC_SKILLS", o.input().programmeLine());
        assertEquals(List.of("Nederlands spreken"), o.input().themes(), "keywords that are none of ours are left out");
        assertEquals(List.of("anderstaligen"), o.input().targetGroups());
        assertEquals(List.of("2026-12-08T14:00", "2026-12-15T14:00", "2026-12-22T14:00", "2027-01-05T14:00", "2027-01-12T14:00",
                "2027-01-19T14:00", "2027-01-26T14:00"), starts(o), "weekly, 29 December excepted, up to the schedule's end");
        assertEquals("2026-12-08T16:00", o.input().sessions().get(0).end());
        assertEquals(0L, o.input().priceCents());
        assertEquals(List.of("nl", "en"), o.input().languages(), "codes and locales read, an unknown language left out");
        assertEquals("Bibliotheek Ommen", c.locations().get(0).name());
        assertEquals("7731 DC", c.locations().get(0).address().postcode());
        assertEquals("Markt 1", c.locations().get(0).address().street());
    }

    @Test
    void aCourseWithInstancesGivesAnOfferPerInstanceWithTheCoursesTextsAndItsOwnDates() {
        FeedContent c = parse("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "Course", "@id": "#klik-en-tik", "name": "Klik & Tik", "description": "Leer werken met de computer.",
                   "keywords": ["digitale vaardigheden", "senioren"], "provider": {"@id": "#bieb"},
                   "offers": {"@type": "Offer", "price": "12,50", "priceCurrency": "EUR"},
                   "hasCourseInstance": [
                     {"@type": "CourseInstance", "@id": "#klik-en-tik-dedemsvaart", "courseMode": "onsite", "location": {"@id": "#dedemsvaart"},
                      "courseSchedule": {"@type": "Schedule", "repeatFrequency": "P1W", "byDay": ["Monday", "https://schema.org/Thursday"],
                        "startDate": "2027-01-04", "repeatCount": 4, "startTime": "10:00", "duration": "PT1H30M"}},
                     {"@type": "CourseInstance", "@id": "#klik-en-tik-online", "courseMode": "online",
                      "startDate": "2027-02-01T19:00:00+01:00", "endDate": "2027-02-01T20:30:00+01:00"}]},
                  {"@type": "Place", "@id": "#dedemsvaart", "name": "Bibliotheek Dedemsvaart", "address": "Julianastraat 12, 7701 DW Dedemsvaart"},
                  {"@type": "Organization", "@id": "#bieb", "name": "Bibliotheek Hardenberg"}]}
                """);
        assertEquals(List.of(), c.problems());
        FeedOffer onsite = offer(c, "#klik-en-tik-dedemsvaart");
        assertEquals("Klik & Tik", onsite.input().title());
        assertEquals("Leer werken met de computer.", onsite.input().description());
        assertEquals("COURSE", onsite.input().kind(), "a course instance is a course");
        assertEquals(List.of("digitale vaardigheden"), onsite.input().themes());
        assertEquals(List.of("senioren"), onsite.input().targetGroups());
        assertEquals("Bibliotheek Hardenberg", onsite.input().provider(), "a reference followed");
        assertEquals(1250L, onsite.input().priceCents());
        assertEquals(List.of("2027-01-04T10:00", "2027-01-07T10:00", "2027-01-11T10:00", "2027-01-14T10:00"), starts(onsite));
        assertEquals("2027-01-04T11:30", onsite.input().sessions().get(0).end());
        assertNull(onsite.input().format());
        var place = c.locations().stream().filter(l -> l.name().equals("Bibliotheek Dedemsvaart")).findFirst().orElseThrow();
        assertEquals("7701 DW", place.address().postcode());
        assertEquals("Dedemsvaart", place.address().city());
        FeedOffer online = offer(c, "#klik-en-tik-online");
        assertEquals("ONLINE", online.input().format());
        assertEquals(List.of("2027-02-01T19:00"), starts(online));
    }

    @Test
    void anAgendaPageGivesItsEventsAndABrokenBlockKeepsWhatItMayHold() {
        String html = """
                <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Agenda</title>
                <script>var x = "<script type='application/ld+json'>";</script>
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Event", "@id": "https://p.example/a",
                  "name": "Spreekuur <b>Digitale Overheid</b> <voor iedereen>", "startDate": "2026-12-10T13:00", "endDate": "2026-12-10T15:00",
                  "eventStatus": "https://schema.org/EventCancelled", "location": "Bibliotheek Ommen, Markt 1, 7731 DC Ommen",}</script>
                <script type='application/ld+json'>{"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "SocialEvent",
                  "@id": "https://p.example/b", "name": "Leesclub", "startDate": "2026-12-11 19:30", "duration": "PT2H",
                  "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode", "location": {"@type": "VirtualLocation", "url": "https://meet.example"}}}]}</script>
                <script type="application/ld+json">{"@type": "Event", "name": "kapot"</script>
                </head><body><h1>Agenda</h1></body></html>
                """;
        FeedContent c = parse(html);
        FeedOffer a = offer(c, "https://p.example/a");
        assertEquals("Spreekuur Digitale Overheid <voor iedereen>", a.input().title(), "HTML tags in a name are dropped, other brackets stay text");
        assertEquals("CANCELLED", a.input().sessions().get(0).status());
        assertEquals("Bibliotheek Ommen", c.locations().get(0).name());
        FeedOffer b = offer(c, "https://p.example/b");
        assertEquals("ONLINE", b.input().format());
        assertEquals("2026-12-11T21:30", b.input().sessions().get(0).end());
        assertEquals(1, c.problems().size());
        assertFalse(complete(c), "a block that cannot be read may hold offers: nothing is withdrawn");
        assertTrue(c.problems().get(0).message().startsWith("Blok 3 met schema.org-gegevens"), c.problems().toString());
        assertFalse(c.problems().get(0).message().contains("kapot"), "no feed text in reasons");
    }

    @Test
    void whatHasNoClearTimesOrNoPlaceIsLeftOutWithItsReasonAndADayWithoutTimesIsAPeriod() {
        FeedContent c = parse("""
                [{"@type": "Event", "@id": "date-only", "name": "Boekenmarkt", "startDate": "2026-12-12", "location": "Bibliotheek Ommen"},
                 {"@type": "Event", "@id": "days-backwards", "name": "Markt", "startDate": "2026-12-12", "endDate": "2026-12-10", "location": "Bieb"},
                 {"@type": "Event", "@id": "mixed", "name": "Markt", "startDate": "2026-12-12", "endDate": "2026-12-12T17:00", "location": "Bieb"},
                 {"@type": "Event", "@id": "weeks", "name": "Cursus Excel", "startDate": "2027-01-04T19:00", "endDate": "2027-03-01T21:00", "location": "Bibliotheek Ommen"},
                 {"@type": "Event", "@id": "nowhere", "name": "Lezing", "startDate": "2026-12-12T19:00", "endDate": "2026-12-12T21:00"},
                 {"@type": "Event", "@id": "backwards", "name": "Lezing", "startDate": "2026-12-12T19:00", "endDate": "2026-12-12T18:00", "location": "Bieb"},
                 {"@type": "Event", "@id": "hourly", "name": "Spreekuur", "location": "Bieb", "startDate": "2026-12-12T10:00",
                  "eventSchedule": {"@type": "Schedule", "repeatFrequency": "PT1H", "startTime": "10:00", "duration": "PT30M"}},
                 {"@type": "Event", "@id": "nameless", "startDate": "2026-12-12T19:00", "endDate": "2026-12-12T21:00", "location": "Bieb"},
                 {"@type": "Event", "@id": "past", "name": "Voorbij", "startDate": "2025-12-12T19:00", "endDate": "2025-12-12T21:00", "location": "Bieb"},
                 {"@type": "Course", "@id": "no-instances", "name": "Cursus zonder data"},
                 {"@type": "Person", "name": "Not an event at all"}]
                """);
        assertTrue(problem(c, "days-backwards").message().contains("De endDate ligt voor de startDate"));
        assertTrue(problem(c, "mixed").message().contains("geen tijd"), "a day, then a time: which is meant is not clear");
        assertTrue(problem(c, "weeks").message().contains("langer dan 12 uur"));
        assertTrue(problem(c, "nowhere").message().contains("geen plaats"));
        assertTrue(problem(c, "backwards").message().contains("niet na"));
        assertTrue(problem(c, "hourly").message().contains("vaker dan dagelijks"));
        assertTrue(problem(c, "nameless").message().contains("geen naam"));
        assertTrue(problem(c, "no-instances").message().contains("hasCourseInstance"));
        // A day without times: on that day, the organiser tells the times. A past event is simply not on offer.
        assertEquals(List.of("date-only"), c.offers().stream().map(o -> o.externalId()).toList());
        assertEquals(new nl.ontwikkelplein.domain.OfferInput.PeriodInput("2026-12-12", "2026-12-12",
                nl.ontwikkelplein.domain.PartnerImport.locationId("partner", "Bibliotheek Ommen")), c.offers().get(0).input().period());
        assertEquals(8, c.problems().size(), c.problems().toString());
        assertTrue(complete(c), "every problem names its item, so offers that left the feed may be withdrawn");
    }

    @Test
    void aCourseInstanceFromDayToDayRunsInThatPeriodAtItsPlaceOrOnline() {
        FeedContent c = parse("""
                {"@context": "https://schema.org", "@type": "Course", "@id": "https://roc.example/nt2", "name": "Nederlands als tweede taal B1",
                 "provider": {"@type": "Organization", "name": "ROC Twente"},
                 "hasCourseInstance": [
                   {"@type": "CourseInstance", "@id": "https://roc.example/nt2#najaar", "courseMode": "onsite", "startDate": "2026-09-07", "endDate": "2027-01-29",
                    "location": {"@type": "Place", "name": "ROC Twente", "address": {"@type": "PostalAddress", "streetAddress": "Gieterij 200",
                                 "postalCode": "7553 VZ", "addressLocality": "Hengelo"}}},
                   {"@type": "CourseInstance", "@id": "https://roc.example/nt2#online", "courseMode": "online", "startDate": "2027-02-01", "endDate": "2027-06-25"},
                   {"@type": "CourseInstance", "@id": "https://roc.example/nt2#lang", "courseMode": "online", "startDate": "2027-02-01", "endDate": "2030-06-25"}]}
                """);
        FeedOffer autumn = offer(c, "https://roc.example/nt2#najaar");
        assertEquals("2026-09-07", autumn.input().period().start(), "begun, still running");
        assertEquals("2027-01-29", autumn.input().period().end());
        assertEquals(List.of(), autumn.input().sessions());
        assertEquals("ROC Twente", autumn.input().provider());
        assertEquals("COURSE", autumn.input().kind());
        FeedOffer online = offer(c, "https://roc.example/nt2#online");
        assertEquals("ONLINE", online.input().format());
        assertEquals(null, online.input().period().locationId());
        assertTrue(problem(c, "https://roc.example/nt2#lang").message().contains("langer dan twee jaar"));
        assertEquals(null, autumn.input().status());
    }

    @Test
    void aPeriodCalledOffIsAnOfferCalledOffAndAnOddEndDateIsOneDay() {
        FeedContent c = parse("""
                [{"@type": "Event", "@id": "afgelast", "name": "GEANNULEERD - Boekenmarkt", "eventStatus": "https://schema.org/EventCancelled",
                  "startDate": "2026-12-12", "location": "Bibliotheek Ommen"},
                 {"@type": "Event", "@id": "raar", "name": "Markt", "startDate": "2026-12-19", "endDate": {}, "location": "Bieb"},
                 {"@type": "Event", "@id": "lijst", "name": "Markt", "startDate": "2026-12-20", "endDate": [], "location": "Bieb"}]
                """);
        assertEquals(List.of(), c.problems());
        FeedOffer called = offer(c, "afgelast");
        assertEquals("CANCELLED", called.input().status());
        assertEquals("Boekenmarkt", called.input().title(), "the marker left the title; the status says it");
        assertEquals("2026-12-19", offer(c, "raar").input().period().end());
        assertEquals("2026-12-20", offer(c, "lijst").input().period().end());
    }

    @Test
    void anEndlessDailyScheduleStopsAtTheHorizonAndTheSessionLimit() {
        FeedContent c = parse("""
                {"@type": "Event", "@id": "daily", "name": "Inloop", "location": "Bieb", "startDate": "2026-12-07T09:00",
                 "eventSchedule": {"@type": "Schedule", "repeatFrequency": "P1D", "startTime": "09:00", "endTime": "10:00"}}
                """);
        FeedOffer o = offer(c, "daily");
        assertEquals(OfferService.MAX_SESSIONS, o.input().sessions().size());
        assertEquals("2026-12-07T09:00", starts(o).get(0));
    }

    @Test
    void hostileOrBrokenDocumentsAreRefusedQuicklyWithAReason() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        FeedContent nested = parse(deep);
        assertTrue(nested.problems().get(0).message().contains("dieper genest"), nested.problems().toString());
        assertTrue(parse("{\"@type\": \"Event\", \"name\": ").problems().get(0).message().startsWith("De JSON kan niet worden gelezen"));
        assertTrue(parse("").problems().get(0).message().contains("geen JSON en geen webpagina"));
        assertTrue(parse("<html><body>Geen data</body></html>").problems().get(0).message().contains("geen schema.org-gegevens"));
        FeedContent utf16 = SchemaOrgFeed.parse("partner", "{\"@type\": \"Event\"}".getBytes(StandardCharsets.UTF_16), NOW);
        assertTrue(utf16.problems().get(0).message().contains("geen UTF-8"));
        assertFalse(complete(utf16));
        String huge = "{\"@type\": \"Event\", \"name\": \"" + "x".repeat(2_000_000) + "\"}";
        assertTrue(parse(huge).problems().get(0).message().contains("veel te lang"));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < SchemaOrgFeed.MAX_ITEMS + 10; i++)
            many.append(i == 0 ? "" : ",").append("{\"@type\":\"Event\",\"@id\":\"e").append(i).append("\",\"name\":\"Lezing\",\"location\":\"Bieb\",")
                    .append("\"startDate\":\"2026-12-12T19:00\",\"endDate\":\"2026-12-12T20:00\"}");
        FeedContent tooMany = parse(many.append("]").toString());
        assertEquals(SchemaOrgFeed.MAX_ITEMS, tooMany.offers().size());
        assertFalse(complete(tooMany), "what was not read may still be on offer");
        // An unclosed script tag in a large page: one pass, no backtracking.
        String page = "<html><script type=\"application/ld+json\">" + "<script ".repeat(200_000);
        assertTrue(parse(page).problems().get(0).message().contains("niet worden gelezen"));
    }

    @Test
    void anOldPageInWindows1252IsReadWhenItSaysSo() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<script type=\"application/ld+json\">{\"@type\": \"Event\", \"@id\": \"c\", \"name\": \"Taalcafé – één keer\","
                + "\"location\": \"Bieb\", \"startDate\": \"2026-12-12T19:00\", \"endDate\": \"2026-12-12T20:00\"}</script></head></html>";
        FeedContent c = SchemaOrgFeed.parse("partner", html.getBytes(Charset.forName("windows-1252")), NOW);
        assertEquals("Taalcafé – één keer", offer(c, "c").input().title());
    }

    @Test
    void readingTheSameDocumentTwiceGivesTheSameOffers() {
        String doc = """
                {"@type": "Event", "name": "Zonder id", "startDate": "2026-12-12T19:00", "endDate": "2026-12-12T20:00", "location": "Bieb"}
                """;
        FeedContent first = parse(doc), second = parse(doc);
        assertEquals(first, second);
        assertEquals("Zonder id@2026-12-12T19:00", first.offers().get(0).externalId(), "no @id: a stable key from name and start");
    }
}
