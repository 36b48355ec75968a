package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's agenda page with schema.org JSON-LD and a college's OOAPI endpoint (two pages)
 * through the nightly import as the template wires it: their offers go online with their texts
 * escaped, a second run writes nothing, and a lesson the college calls off is called off here.
 */
class FeedFormatsImportTest {
    static final LocalDate DAY = LocalDate.now().plusDays(8);

    static final String AGENDA = """
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Agenda</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "EducationEvent", "@id": "https://welzijn.example/agenda#formulieren",
              "name": "Hulp bij <formulieren>", "description": "Wij helpen u met DigiD en formulieren.", "keywords": "Inloopuur, e-overheid",
              "isAccessibleForFree": true, "location": {"@type": "Place", "name": "Buurthuis De Schakel",
                "address": {"@type": "PostalAddress", "streetAddress": "Kerkstraat 3", "postalCode": "7701 AB", "addressLocality": "Dedemsvaart"}},
              "eventSchedule": {"@type": "Schedule", "repeatFrequency": "P1W", "startDate": "%s", "repeatCount": 3, "startTime": "13:30", "endTime": "15:00"}}</script>
            </head><body><h1>Agenda</h1></body></html>
            """.formatted(DAY);

    static String page(int n, boolean next, String items) {
        return "{\"pageSize\": 100, \"pageNumber\": " + n + ", \"hasPreviousPage\": " + (n > 1) + ", \"hasNextPage\": " + next + ", \"items\": [" + items + "]}";
    }

    static String lesson(String id, LocalDate day, String state) {
        return "{\"offeringId\": \"" + id + "\", \"offeringType\": \"component\", \"courseOffering\": \"nt2-a2-2027\"" + state + ","
                + " \"startDateTime\": \"" + day + "T19:00:00" + offset(day) + "\", \"endDateTime\": \"" + day + "T21:00:00" + offset(day) + "\"}";
    }

    static String offset(LocalDate day) { return day.atStartOfDay(Session.ZONE).getOffset().getId(); }

    static final String COURSE = """
            {"offeringId": "nt2-a2-2027", "offeringType": "course", "name": [{"language": "en-GB", "value": "Dutch A2"},
             {"language": "nl-NL", "value": "Nederlands A2 & meer"}], "teachingLanguage": "nld", "modeOfDelivery": ["situated"],
             "priceInformation": [{"costType": "total costs", "amount": 75, "currency": "EUR"}],
             "addresses": [{"addressType": "teaching", "street": "Voorstraat", "streetNumber": "1", "postalCode": "7783AA", "city": "Gramsbergen",
                            "additional": [{"language": "nl-NL", "value": "Bibliotheek Gramsbergen"}]}]}
            """;
    /** A year course with days but no times, and no price: it runs in its period, the college tells the rest. */
    static final String YEAR_COURSE = """
            {"offeringId": "nt2-b1-jaar", "offeringType": "course", "name": [{"language": "nl-NL", "value": "Nederlands B1, een jaar"}],
             "modeOfDelivery": ["situated"], "startDate": "%s", "endDate": "%s",
             "addresses": [{"addressType": "teaching", "street": "Stationsstraat", "streetNumber": "5", "postalCode": "7772AA", "city": "Hardenberg"}],
             "organization": {"organizationId": "deltion", "name": [{"language": "nl-NL", "value": "Deltion College"}]}}
            """.formatted(DAY.minusDays(30), DAY.plusDays(120));
    static final AtomicReference<String> secondPage = new AtomicReference<>(page(2, false, lesson("les-2", DAY.plusDays(7), "")));

    @TempDir
    static Path data;
    static TestStack stack;
    static HttpServer partner;

    @BeforeAll
    static void start() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/agenda", exchange -> send(exchange, AGENDA, "text/html; charset=utf-8"));
        partner.createContext("/ooapi/offerings", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String body = query != null && query.contains("pageNumber=2") ? secondPage.get()
                    : page(1, true, COURSE + "," + lesson("les-1", DAY, "") + "," + YEAR_COURSE);
            send(exchange, body, "application/json");
        });
        partner.start();
        String base = "http://127.0.0.1:" + partner.getAddress().getPort();
        stack = TestStack.start(TestStack.realTemplate(), data, Map.of("ImportFeeds",
                "welzijn|" + Fixtures.ORG + "|" + base + "/agenda|schemaorg," + "college|" + Fixtures.ORG + "|" + base + "/ooapi/offerings?consumer=bieb|ooapi"));
        Fixtures.organisationAndLocation(stack);
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String body, String type) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        stack.close();
        partner.stop(0);
    }

    private static String runImport() throws Exception {
        return String.join("\n", stack.stack().scheduler().runNow("ImportFunction"));
    }

    private static boolean online(String id, String... texts) {
        try {
            HttpResponse<String> page = stack.get("/aanbod/" + id + "/");
            if (page.statusCode() != 200) return false;
            for (String t : texts) if (!page.body().contains(t)) return false;
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void anAgendaPageAndAnOoapiEndpointBecomeOffersOnTheSiteAndASecondRunChangesNothing() throws Exception {
        String first = runImport();
        assertTrue(first.matches("(?s).*source=welzijn created=1 updated=0 unchanged=0 locationsWritten=1 removed=0 cancelled=0 rejected=0(?![0-9 ]).*"), first);
        assertTrue(first.matches("(?s).*source=college created=2 updated=0 unchanged=0 locationsWritten=2 removed=0 cancelled=0 rejected=0(?![0-9 ]).*"), first);

        String help = PartnerImport.newOfferId("Hulp bij <formulieren>", "welzijn", "https://welzijn.example/agenda#formulieren");
        Offer helpOffer = Fixtures.catalog(stack).offer(help).orElseThrow(() -> new AssertionError(Fixtures.catalog(stack).offersOf(Fixtures.ORG)));
        assertEquals(3, helpOffer.sessions().size());
        assertEquals(List.of(13, 13, 13), helpOffer.sessions().stream().map(s -> s.start().getHour()).toList());
        assertEquals(nl.ontwikkelplein.domain.OfferKind.DROP_IN, helpOffer.kind());

        String nt2 = PartnerImport.newOfferId("Nederlands A2 & meer", "college", "nt2-a2-2027");
        Offer course = Fixtures.catalog(stack).offer(nt2).orElseThrow();
        assertEquals(List.of(DAY.atTime(19, 0), DAY.plusDays(7).atTime(19, 0)), course.sessions().stream().map(Session::start).toList(),
                "lessons from both pages, in Dutch time");
        assertEquals(7500, course.price().cents());

        String year = PartnerImport.newOfferId("Nederlands B1, een jaar", "college", "nt2-b1-jaar");
        Offer yearCourse = Fixtures.catalog(stack).offer(year).orElseThrow();
        assertEquals(new Offer.Period(DAY.minusDays(30), DAY.plusDays(120), PartnerImport.locationId("college", "Stationsstraat 5, Hardenberg")), yearCourse.period());
        assertEquals(List.of(), yearCourse.sessions());
        assertEquals(nl.ontwikkelplein.domain.Price.UNKNOWN, yearCourse.price());
        assertTrue(TestStack.await(Duration.ofSeconds(30), () -> online(year, "tot en met", "Stationsstraat 5", "hoort u van Deltion College",
                "Vraag het aan de aanbieder")), "the year course is online with its period, place and provider");

        assertTrue(TestStack.await(Duration.ofSeconds(30), () -> online(help, "Hulp bij &lt;formulieren&gt;", "Buurthuis De Schakel")
                && online(nt2, "Nederlands A2 &amp; meer", "Voorstraat 1, Gramsbergen")), "both online, their texts escaped");

        List<List<Map<String, Object>>> before = Fixtures.catalogRows(stack);
        String second = runImport();
        assertTrue(second.contains("source=welzijn created=0 updated=0 unchanged=1 locationsWritten=0 removed=0"), second);
        assertTrue(second.contains("source=college created=0 updated=0 unchanged=2 locationsWritten=0 removed=0"), second);
        assertEquals(before, Fixtures.catalogRows(stack), "nothing written");

        // The college calls the second lesson off.
        secondPage.set(page(2, false, lesson("les-2", DAY.plusDays(7), ", \"offeringState\": \"cancelled\"")));
        String third = runImport();
        assertTrue(third.contains("source=college created=0 updated=1"), third);
        assertEquals(List.of(Session.SessionStatus.SCHEDULED, Session.SessionStatus.CANCELLED),
                Fixtures.catalog(stack).offer(nt2).orElseThrow().sessions().stream().map(Session::status).toList());
    }
}
