package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import org.junit.jupiter.api.Test;

/**
 * The readers on documents shaped after each format's public examples (see the README next to
 * the fixtures: OOAPI v5 specification schemas, schema.org's examples, a CMS's agenda page), read
 * on 20 August 2026, before the season they describe. Each is read twice and must come out the
 * same, which is what lets a second import write nothing.
 */
class PublicExampleFeedsTest {
    static final Instant NOW = Instant.parse("2026-08-20T08:00:00Z");

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = PublicExampleFeedsTest.class.getResourceAsStream(path)) {
            if (in == null) throw new IOException("no fixture " + path);
            return in.readAllBytes();
        }
    }

    static FeedOffer offer(FeedContent c, String id) {
        return c.offers().stream().filter(o -> o.externalId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + c.offers()));
    }

    static List<String> starts(FeedOffer o) { return o.input().sessions().stream().map(OfferInput.SessionInput::start).toList(); }

    static FeedContent schemaOrg(String name) throws IOException {
        FeedContent first = SchemaOrgFeed.parse("vechtdal", fixture("/schemaorg/" + name), NOW);
        assertEquals(first, SchemaOrgFeed.parse("vechtdal", fixture("/schemaorg/" + name), NOW), "read twice, the same");
        return first;
    }

    static FeedContent ooapi(URI endpoint, OoapiFeed.Pages pages) throws IOException {
        FeedContent first = OoapiFeed.read("leerpunt", endpoint, pages, NOW);
        assertEquals(first, OoapiFeed.read("leerpunt", endpoint, pages, NOW), "read twice, the same");
        return first;
    }

    @Test
    void schemaOrgEventsInAGraphWithCancelledOnlineAndRescheduledOnes() throws IOException {
        FeedContent c = schemaOrg("events.jsonld");
        assertEquals(4, c.offers().size(), c.offers().toString());
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        String base = "https://bibliotheek-vechtdal.example/agenda/";

        FeedOffer digicafe = offer(c, base + "digicafe-hardenberg-2026-10-07#event");
        assertEquals("Digicafé: hulp bij je telefoon en tablet", digicafe.input().title());
        assertEquals(List.of("2026-10-07T10:00"), starts(digicafe));
        assertEquals(0L, digicafe.input().priceCents());
        assertEquals("Bibliotheek Vechtdal", digicafe.input().provider());
        assertEquals(List.of("nl"), digicafe.input().languages());

        FeedOffer lecture = offer(c, base + "lezing-zwolle-hanzestad-2026-10-15#event");
        assertEquals("Lezing: Zwolle als Hanzestad", lecture.input().title(), "the 'GEANNULEERD - ' in front goes: the page says it is called off");
        assertEquals("CANCELLED", lecture.input().sessions().get(0).status());
        assertEquals(750L, lecture.input().priceCents());

        FeedOffer webinar = offer(c, base + "webinar-veilig-bankieren-2026-11-10#event");
        assertEquals("ONLINE", webinar.input().format());
        assertEquals(List.of("2026-11-10T19:30"), starts(webinar), "19:30 at +01:00 is 19:30 in Amsterdam");

        FeedOffer moved = offer(c, base + "workshop-stamboomonderzoek-ommen#event");
        assertEquals(List.of("2026-11-21T10:00"), starts(moved), "rescheduled: the new date, not previousStartDate");
        assertEquals(2500L, moved.input().priceCents());

        Set<String> places = c.locations().stream().map(l -> l.name()).collect(Collectors.toSet());
        assertEquals(Set.of("Bibliotheek Hardenberg", "Leerpunt Zwolle", "Online", "Bibliotheek Ommen"), places);
        assertEquals("7731 DB", c.locations().stream().filter(l -> l.name().equals("Bibliotheek Ommen")).findFirst().orElseThrow().address().postcode());
    }

    @Test
    void aSchemaOrgCourseWithAWeeklyScheduleAcrossTheClockChangeSkipsTheHolidays() throws IOException {
        FeedContent c = schemaOrg("course.jsonld");
        FeedOffer zwolle = offer(c, "https://leerpunt-vechtdal.example/aanbod/nt2-a2#course#2026-09-14T09:30:00+02:00");
        assertEquals("COURSE", zwolle.input().kind());
        assertEquals(125_000L, zwolle.input().priceCents());
        assertEquals("Stichting Leerpunt Vechtdal", zwolle.input().provider(), "the Course's provider, for its instances");
        List<String> starts = starts(zwolle);
        assertEquals(35, starts.size(), "Mondays and Thursdays from 14 September to 25 January, minus the holidays: " + starts);
        assertTrue(starts.stream().allMatch(s -> s.endsWith("T09:30")), "09:30 in summer and in winter time: " + starts);
        assertTrue(starts.contains("2026-10-15T09:30") && !starts.contains("2026-10-19T09:30") && starts.contains("2026-10-26T09:30"), "autumn holiday");
        assertTrue(starts.contains("2026-12-24T09:30") && !starts.contains("2026-12-28T09:30") && starts.contains("2027-01-04T09:30"), "Christmas holiday");

        // The Hardenberg group runs from September to February with no schedule: no times to show.
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).externalId().endsWith("#2026-09-16T18:30:00+02:00"));
        assertTrue(c.problems().get(0).message().contains("zonder schema"), c.problems().get(0).message());
    }

    @Test
    void aCmsAgendaPageWithAnItemListAndABrokenScriptBlock() throws IOException {
        FeedContent c = schemaOrg("agenda.html");
        String base = "https://bibliotheek-vechtdal.example/agenda/";
        assertEquals(Set.of(base + "digicafe-hardenberg-2026-10-07#event", base + "lezing-zwolle-hanzestad-2026-10-15",
                        base + "webinar-veilig-bankieren-2026-11-10", base + "workshop-stamboomonderzoek-ommen"),
                c.offers().stream().map(FeedOffer::externalId).collect(Collectors.toSet()));
        FeedOffer lecture = offer(c, base + "lezing-zwolle-hanzestad-2026-10-15");
        assertEquals("CANCELLED", lecture.input().sessions().get(0).status(), "a bare \"EventCancelled\" as CMS plugins write it");
        assertEquals(List.of("2026-10-15T20:00"), starts(lecture));
        assertEquals(List.of("2026-11-21T10:00"), starts(offer(c, base + "workshop-stamboomonderzoek-ommen")), "a startDate without offset is local time");

        // What cannot be read is in quarantine with its reason; the malformed block costs nothing else.
        List<String> problems = c.problems().stream().map(p -> p.externalId() + ": " + p.message()).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(base + "voorleesochtend-dedemsvaart-2026-10-09") && p.contains("geen endDate")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Taalcafé Dedemsvaart@") && p.contains("geen plaats")), problems.toString());
    }

    @Test
    void ooapiOfferingsOfAnOrganisationOverTwoPages() throws IOException {
        URI endpoint = URI.create("https://api.leerpunt.example/ooapi/organizations/4a9d/offerings");
        OoapiFeed.Pages pages = url -> fixture(url.getQuery().contains("pageNumber=2") ? "/ooapi/offerings-page2.json" : "/ooapi/offerings-page1.json");
        FeedContent c = ooapi(endpoint, pages);

        // The NT2 course gets its component offerings (an intake on page 1, a practice exam on page 2) as its dates.
        FeedOffer nt2 = offer(c, "44d597ab-fe1f-5f44-8da4-2580036ba222");
        assertEquals("Nederlands als tweede taal A2 (Zwolle, najaar 2026)", nt2.input().title());
        assertEquals(List.of("2026-09-02T09:30", "2027-01-18T09:00"), starts(nt2), "+02:00 and +01:00, both as Amsterdam time");
        assertEquals(125_000L, nt2.input().priceCents(), "the amount is a string, \"1250.00\"");
        assertEquals(List.of("nl"), nt2.input().languages(), "teachingLanguage nld");

        FeedOffer digital = offer(c, "70e73291-72e5-562a-b7a8-eba54a210ff5");
        assertEquals(List.of("2026-10-08T13:30"), starts(digital));
        assertEquals("ONLINE", digital.input().format(), "its only date is online");

        // Components of no course offering here are offers of their own.
        assertEquals(List.of("2026-10-29T19:30"), starts(offer(c, "component:f1c5f48c-1af8-5c26-9956-046037bd95f2")));
        assertEquals("Taalcafé Dedemsvaart", offer(c, "component:f1c5f48c-1af8-5c26-9956-046037bd95f2").input().title());
        // Course and program offerings with only a date range run in that period (the provider tells the times);
        // the one that ended before today (70e73291 has lessons) is not among them, nor are problems.
        List<String> periods = c.offers().stream().filter(o -> o.input().period() != null).map(FeedOffer::externalId).sorted().toList();
        assertEquals(List.of("10e14f20-b263-5169-a82d-a58e23a0d2d3", "9fbfad80-bac8-538e-9847-11e4eff1ec7c", "b115fa5a-37f3-59ea-bcac-9f5479065675",
                "c9268abd-4ddf-5cdc-9473-e204622b6494", "cc9f0c01-5f86-574b-a711-80c00b51d894", "d5dfcd7c-1c86-53af-9548-8109ca5bb6af"), periods);
        assertEquals(10, c.offers().size(), c.offers().stream().map(FeedOffer::externalId).toList().toString());
        assertEquals(List.of(), c.problems());
        OfferInput.PeriodInput program = offer(c, "c9268abd-4ddf-5cdc-9473-e204622b6494").input().period();
        assertEquals("2026-09-07", program.start());
        assertEquals("2027-06-28", program.end());
        assertTrue(program.locationId() != null, "at its teaching address");
        FeedOffer online = offer(c, "d5dfcd7c-1c86-53af-9548-8109ca5bb6af");
        assertEquals("ONLINE", online.input().format());
        assertEquals(null, online.input().period().locationId(), "online: no place");
        assertEquals(List.of(), online.input().sessions());

        Set<String> places = c.locations().stream().map(l -> l.name()).collect(Collectors.toSet());
        assertEquals(Set.of("Thorbeckegracht 12, Zwolle", "Julianastraat 3, Dedemsvaart", "Stationsstraat 5, Hardenberg", "Markt 1, Ommen", "Online"), places,
                "the periods' places too");
    }

    @Test
    void ooapiOfferingsOfOneCourseWithoutComponentsEachRunInTheirPeriod() throws IOException {
        FeedContent c = ooapi(URI.create("https://api.leerpunt.example/ooapi/courses/555db6fa/offerings"), url -> fixture("/ooapi/courses-offerings.json"));
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("2026-09-14/2027-01-25", "2026-09-16/2027-02-03", "2027-02-08/2027-06-21"),
                c.offers().stream().map(o -> o.input().period().start() + "/" + o.input().period().end()).sorted().toList(),
                "the autumn's, still running, and the spring's, within half a year");
    }
}
