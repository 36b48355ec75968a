package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;
import org.junit.jupiter.api.Test;

/** OOAPI v5 offerings, page by page, as an education provider's endpoint serves them, and as nobody should. */
class OoapiFeedTest {
    static final URI ENDPOINT = URI.create("https://api.partner.example/ooapi/offerings?consumer=ontwikkelplein&pageSize=10");

    /** Pages served by their pageNumber; which URLs were asked for is kept. */
    static final class Served implements OoapiFeed.Pages {
        final Map<Integer, String> pages;
        final List<URI> asked = new ArrayList<>();

        Served(Map<Integer, String> pages) { this.pages = pages; }

        @Override public byte[] get(URI url) throws IOException {
            asked.add(url);
            int n = Integer.parseInt(url.getQuery().replaceAll(".*pageNumber=(\\d+).*", "$1"));
            String page = pages.get(n);
            if (page == null) throw new IOException("HTTP 500 from https://api.partner.example");
            return page.getBytes(StandardCharsets.UTF_8);
        }
    }

    static FeedContent read(Map<Integer, String> pages) throws IOException {
        return OoapiFeed.read("college", ENDPOINT, new Served(pages), IcalFeedTest.NOW);
    }

    static String page(int number, boolean next, String... items) {
        return "{\"pageSize\": 100, \"pageNumber\": " + number + ", \"hasPreviousPage\": " + (number > 1) + ", \"hasNextPage\": " + next
                + ", \"items\": [" + String.join(",", items) + "]}";
    }

    static FeedOffer offer(FeedContent c, String id) {
        return c.offers().stream().filter(o -> o.externalId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + c));
    }

    static Problem problem(FeedContent c, String id) {
        return c.problems().stream().filter(p -> id.equals(p.externalId())).findFirst().orElseThrow(() -> new AssertionError(id + " in " + c.problems()));
    }

    static boolean complete(FeedContent c) { return c.problems().stream().allMatch(p -> p.externalId() != null && !p.externalId().isEmpty()); }

    static final String COURSE = """
            {"offeringId": "c1", "offeringType": "course", "primaryCode": {"codeType": "identifier", "code": "NT2-A2"},
             "name": [{"language": "en-GB", "value": "Dutch as a second language A2"}, {"language": "nl-NL", "value": "Nederlands als tweede taal A2"}],
             "description": [{"language": "nl-NL", "value": "<p>Oefen spreken en schrijven.</p>"}], "teachingLanguage": "nld",
             "modeOfDelivery": ["situated"], "startDate": "2027-01-11", "endDate": "2027-01-18",
             "priceInformation": [{"costType": "tuition fees", "amount": 100, "currency": "EUR"}, {"costType": "total costs", "amount": 125.5, "currency": "EUR"}],
             "addresses": [{"addressType": "postal", "street": "Postbus", "streetNumber": "1", "postalCode": "8000AA", "city": "Zwolle"},
                           {"addressType": "teaching", "street": "Van Ittersumstraat", "streetNumber": "12", "postalCode": "7701dc", "city": "Dedemsvaart",
                            "additional": [{"language": "nl-NL", "value": "Bibliotheek Dedemsvaart"}]}],
             "course": {"courseId": "k1", "name": [{"language": "nl-NL", "value": "NT2 A2"}], "link": "https://college.example/nt2",
                        "organization": {"organizationId": "o1", "name": [{"language": "nl-NL", "value": "Deltion College"}]}}}
            """;

    static String lesson(String id, String parent, String start, String end) {
        return "{\"offeringId\": \"" + id + "\", \"offeringType\": \"component\", \"courseOffering\": \"" + parent + "\","
                + " \"name\": [{\"language\": \"nl-NL\", \"value\": \"Les\"}], \"startDateTime\": \"" + start + "\", \"endDateTime\": \"" + end + "\"}";
    }

    @Test
    void aCourseOfferingWithItsLessonsAcrossPagesIsOneOfferInDutch() throws IOException {
        Served served = new Served(Map.of(
                1, page(1, true, COURSE, lesson("l1", "c1", "2027-01-11T19:00:00+01:00", "2027-01-11T21:00:00+01:00")),
                2, page(2, false, lesson("l2", "c1", "2027-01-18T18:00:00Z", "2027-01-18T20:00:00Z"))));
        FeedContent c = OoapiFeed.read("college", ENDPOINT, served, IcalFeedTest.NOW);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of(URI.create("https://api.partner.example/ooapi/offerings?consumer=ontwikkelplein&pageSize=100&pageNumber=1"),
                URI.create("https://api.partner.example/ooapi/offerings?consumer=ontwikkelplein&pageSize=100&pageNumber=2")), served.asked,
                "the endpoint's own parameters kept, the paging ours, until hasNextPage is false");
        FeedOffer o = offer(c, "c1");
        OfferInput in = o.input();
        assertEquals("Nederlands als tweede taal A2", in.title(), "Dutch before English");
        assertEquals("Oefen spreken en schrijven.", in.description());
        assertEquals("COURSE", in.kind());
        assertEquals(List.of("nl"), in.languages(), "ISO 639-2 nld");
        assertEquals(12550L, in.priceCents(), "the total costs");
        assertEquals("Deltion College", in.provider());
        assertEquals("https://college.example/nt2", in.moreInfoUrl(), "the course's link when the offering has none");
        assertEquals(List.of("2027-01-11T19:00", "2027-01-18T19:00"), in.sessions().stream().map(OfferInput.SessionInput::start).toList(),
                "lessons from both pages, offsets to Dutch time");
        assertEquals("Van Ittersumstraat 12, Dedemsvaart", c.locations().get(0).name(), "the teaching address, named by street and town");
        assertEquals("Van Ittersumstraat 12", c.locations().get(0).address().street());
        assertEquals("7701 DC", c.locations().get(0).address().postcode());
    }

    @Test
    void anOnlineComponentOfferingWithoutItsCourseIsAnOfferOfItsOwn() throws IOException {
        FeedContent c = read(Map.of(1, page(1, false, """
                {"offeringId": "w1", "offeringType": "component", "component": {"componentId": "comp-9", "name": [{"language": "nl-NL", "value": "Webinar solliciteren"}]},
                 "modeOfDelivery": ["online"], "startDateTime": "2026-12-15T10:00:00+01:00", "endDateTime": "2026-12-15T11:00:00+01:00"}
                """, """
                {"offeringId": "w2", "offeringType": "component", "component": "comp-9", "modeOfDelivery": "online",
                 "name": [{"language": "nl-NL", "value": "Webinar solliciteren"}],
                 "startDateTime": "2026-12-22T10:00:00+01:00", "endDateTime": "2026-12-22T11:00:00+01:00"}
                """)));
        assertEquals(List.of(), c.problems());
        FeedOffer o = offer(c, "component:comp-9");
        assertEquals("Webinar solliciteren", o.input().title());
        assertEquals("ONLINE", o.input().format());
        assertEquals(2, o.input().sessions().size(), "both times of the component, as an id or expanded");
    }

    @Test
    void whatCannotBeShownIsLeftOutWithItsReason() throws IOException {
        FeedContent c = read(Map.of(1, page(1, false,
                "{\"offeringId\": \"backwards\", \"offeringType\": \"course\", \"name\": [{\"language\": \"nl-NL\", \"value\": \"Rekenen\"}],"
                        + " \"startDate\": \"2027-03-29\", \"endDate\": \"2027-01-11\", \"addresses\": [{\"street\": \"Markt\", \"city\": \"Ommen\"}]}",
                "{\"offeringId\": \"endless\", \"offeringType\": \"course\", \"name\": \"Altijd\", \"startDate\": \"2027-01-11\", \"endDate\": \"2099-12-31\","
                        + " \"modeOfDelivery\": [\"online\"]}",
                "{\"offeringId\": \"half\", \"offeringType\": \"course\", \"name\": \"Half\", \"startDate\": \"2027-01-11\", \"modeOfDelivery\": [\"online\"]}",
                "{\"offeringId\": \"no-day\", \"offeringType\": \"course\", \"name\": \"Geen dag\", \"startDate\": \"maandag\", \"endDate\": 20270111,"
                        + " \"modeOfDelivery\": [\"online\"]}",
                "{\"offeringId\": \"period-nowhere\", \"offeringType\": \"course\", \"name\": \"Ergens\", \"startDate\": \"2027-01-11\", \"endDate\": \"2027-02-11\"}",
                "{\"offeringType\": \"course\", \"name\": \"Zonder id\"}",
                "{\"offeringId\": \"p1\", \"offeringType\": \"puzzle\"}",
                "{\"offeringId\": \"nameless\", \"offeringType\": \"course\", \"startDateTime\": \"2027-01-11T19:00:00+01:00\", \"endDateTime\": \"2027-01-11T20:00:00+01:00\"}",
                "{\"offeringId\": \"nowhere\", \"offeringType\": \"course\", \"name\": \"Lezing\", \"startDateTime\": \"2027-01-11T19:00:00+01:00\", \"endDateTime\": \"2027-01-11T20:00:00+01:00\"}",
                "{\"offeringId\": \"long\", \"offeringType\": \"course\", \"name\": \"Weekend\", \"modeOfDelivery\": [\"online\"],"
                        + " \"startDateTime\": \"2027-01-11T09:00:00+01:00\", \"endDateTime\": \"2027-01-12T17:00:00+01:00\"}",
                "42")));
        assertTrue(problem(c, "backwards").message().contains("De endDate ligt voor de startDate"));
        assertTrue(problem(c, "endless").message().contains("langer dan twee jaar"));
        assertTrue(problem(c, "half").message().contains("geen startDate en endDate"));
        assertTrue(problem(c, "no-day").message().contains("geen startDate en endDate"), "a weekday or a number is no date");
        assertTrue(problem(c, "period-nowhere").message().contains("geen adres"));
        assertTrue(problem(c, "?").message().contains("geen offeringId"));
        assertTrue(problem(c, "p1").message().contains("offeringType"));
        assertTrue(problem(c, "nameless").message().contains("geen naam"));
        assertTrue(problem(c, "nowhere").message().contains("geen adres"));
        assertTrue(problem(c, "long").message().contains("langer dan 12 uur"));
        assertEquals(List.of(), c.offers());
        assertEquals(11, c.problems().size(), c.problems().toString());
        assertTrue(complete(c));
    }

    @Test
    void aCourseOfferingWithOnlyDaysRunsInThatPeriodAtItsAddressOrIsLeftForLater() throws IOException {
        String days = COURSE.replace("\"startDate\": \"2027-01-11\", \"endDate\": \"2027-01-18\"", "\"startDate\": \"2027-01-11\", \"endDate\": \"2027-03-29\"");
        FeedContent c = read(Map.of(1, page(1, false, days,
                COURSE.replace("\"c1\"", "\"over\"").replace("\"startDate\": \"2027-01-11\", \"endDate\": \"2027-01-18\"", "\"startDate\": \"2026-09-01\", \"endDate\": \"2026-12-06\""),
                COURSE.replace("\"c1\"", "\"next-year\"").replace("\"startDate\": \"2027-01-11\", \"endDate\": \"2027-01-18\"", "\"startDate\": \"2027-09-06\", \"endDate\": \"2028-01-28\""))));
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("c1"), c.offers().stream().map(FeedOffer::externalId).toList(), "the one that ended yesterday is over; next year's is not in view yet");
        OfferInput in = offer(c, "c1").input();
        assertEquals(new OfferInput.PeriodInput("2027-01-11", "2027-03-29", nl.ontwikkelplein.domain.PartnerImport.locationId("college", "Van Ittersumstraat 12, Dedemsvaart")),
                in.period());
        assertEquals(List.of(), in.sessions());
        assertEquals(12_550L, in.priceCents());
        assertEquals(List.of("Van Ittersumstraat 12, Dedemsvaart"), c.locations().stream().map(l -> l.name()).toList(), "its place comes in with it");
        assertEquals(null, in.status());

        FeedContent called = read(Map.of(1, page(1, false, days.replace("\"offeringType\": \"course\"", "\"offeringType\": \"course\", \"offeringState\": \"cancelled\""))));
        assertEquals("CANCELLED", offer(called, "c1").input().status(), "a period called off is an offer called off");
    }

    @Test
    void aPageThatFailsKeepsWhatWasReadAndWithdrawsNothing() throws IOException {
        String good = "{\"offeringId\": \"ok\", \"offeringType\": \"course\", \"name\": \"Lezing\", \"modeOfDelivery\": \"online\","
                + " \"startDateTime\": \"2027-01-11T19:00:00+01:00\", \"endDateTime\": \"2027-01-11T20:00:00+01:00\"}";
        FeedContent failed = read(Map.of(1, page(1, true, good)));
        assertEquals(1, failed.offers().size());
        assertFalse(complete(failed), "page 2 failed: what it held may still be on offer");
        assertTrue(failed.problems().get(0).message().contains("Pagina 2 kon niet worden opgehaald"), failed.problems().toString());
        FeedContent broken = read(Map.of(1, page(1, true, good), 2, "{\"items\": [ {\"offeringId\": "));
        assertFalse(complete(broken));
        assertTrue(broken.problems().get(0).message().startsWith("Pagina 2 kan niet worden gelezen"), broken.problems().toString());
        FeedContent notAList = read(Map.of(1, "{\"error\": \"unauthorised\"}"));
        assertTrue(notAList.problems().get(0).message().contains("geen lijst met aanbod"));
        assertThrows(IOException.class, () -> read(Map.of()), "the first page failing fails the feed");
    }

    @Test
    void anEndpointThatNeverEndsIsStoppedAtThePageLimit() throws IOException {
        OoapiFeed.Pages endless = url -> page(1, true).getBytes(StandardCharsets.UTF_8); // empty pages that claim more
        FeedContent c = OoapiFeed.read("college", ENDPOINT, endless, IcalFeedTest.NOW);
        assertTrue(complete(c), "an empty page ends the list");
        int[] asked = {0};
        String item = "{\"offeringId\": \"x\", \"offeringType\": \"course\", \"name\": \"Les\", \"modeOfDelivery\": \"online\","
                + " \"startDateTime\": \"2027-01-11T19:00:00+01:00\", \"endDateTime\": \"2027-01-11T20:00:00+01:00\"}";
        OoapiFeed.Pages loop = url -> {
            asked[0]++;
            return page(asked[0], true, item).getBytes(StandardCharsets.UTF_8);
        };
        FeedContent looped = OoapiFeed.read("college", ENDPOINT, loop, IcalFeedTest.NOW);
        assertEquals(OoapiFeed.MAX_PAGES, asked[0]);
        assertFalse(complete(looped));
        assertEquals(1, looped.offers().size());
        assertTrue(looped.problems().stream().anyMatch(p -> p.message().contains("dezelfde offeringId")), "the repeats are reported once each");
    }

    @Test
    void hostileDocumentsAreRefusedWithAReason() throws IOException {
        FeedContent deep = read(Map.of(1, "{\"items\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}"));
        assertTrue(deep.problems().get(0).message().contains("dieper genest"));
        FeedContent latin1 = OoapiFeed.read("college", ENDPOINT,
                url -> page(1, false, "{\"offeringId\": \"é\"}").getBytes(StandardCharsets.ISO_8859_1), IcalFeedTest.NOW);
        assertTrue(latin1.problems().get(0).message().contains("geen UTF-8"));
        FeedContent wrongTypes = read(Map.of(1, page(1, false,
                "{\"offeringId\": {\"a\": 1}, \"offeringType\": \"course\"}",
                "{\"offeringId\": \"t\", \"offeringType\": [\"course\"], \"name\": 7, \"startDateTime\": true, \"endDateTime\": null}")));
        assertEquals(2, wrongTypes.problems().size(), wrongTypes.problems().toString());
    }

    @Test
    void readingTheSameEndpointTwiceGivesTheSameOffers() throws IOException {
        Map<Integer, String> pages = Map.of(1, page(1, false, COURSE, lesson("l1", "c1", "2027-01-11T19:00:00+01:00", "2027-01-11T21:00:00+01:00")));
        assertEquals(read(pages), read(pages));
    }
}
