package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many people at once try to take the last seats: through the real HTTP front, the real handler
 * and the SQLite store's transactions. Exactly the seats are given, every request gets an answer.
 */
@LocalStackTest
class EnrolmentConcurrencyTest {
    static final int SEATS = 10;
    static final int ATTEMPTS = 120;

    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.organisationAndLocation(stack);
    }

    @Test
    void exactlyTheSeatsAreTakenAndEveryAttemptIsAnswered() throws Exception {
        Offer offer = Fixtures.offer(stack, "Klik & Tik: de basis", SEATS, 7, 0); // no waitlist: the rest is refused
        String path = Fixtures.enrolPath(offer);

        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            String phone = String.format("06%08d", 10_000_000 + i);
            answers.add(pool.submit(() -> stack.post(path, "application/json",
                    "{\"name\":\"Deelnemer\",\"phone\":\"" + phone + "\"}")));
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 409) assertTrue(r.body().contains("\"FULL\""), r.body());
        }
        pool.shutdown();

        assertEquals(Map.of(201, SEATS, 409, ATTEMPTS - SEATS), byStatus);
        Offer after = Fixtures.catalog(stack).offer(offer.id()).orElseThrow();
        assertEquals(SEATS, after.sessions().get(0).taken());
        List<Map<String, Object>> enrolments = Fixtures.rows(stack, "enrolments").stream()
                .filter(r -> r.get("offer_id").equals(offer.id())).toList();
        assertEquals(SEATS, enrolments.size());
    }

    /** The private link's secret differs per answer. */
    static String withoutLink(String body) {
        return body.replaceAll("/aanmelding/[A-Za-z0-9_-]{43}", "/aanmelding/…");
    }

    @Test
    void theSamePersonTwiceKeepsOneSeat() throws Exception {
        Offer offer = Fixtures.offer(stack, "Digisterker", 3, 8);
        String path = Fixtures.enrolPath(offer);
        String body = "{\"name\":\"Jan Jansen\",\"phone\":\"06 12345678\"}";
        HttpResponse<String> first = stack.post(path, "application/json", body);
        assertEquals(201, first.statusCode());
        HttpResponse<String> again = stack.post(path, "application/json", "{\"name\":\"Jan\",\"phone\":\"+31612345678\"}");
        // A stranger cannot tell a repeat from a first enrolment: the same status, the same body.
        assertEquals(201, again.statusCode());
        assertEquals(withoutLink(first.body()).replaceAll("\"seatsLeft\":\\d+", ""), withoutLink(again.body()).replaceAll("\"seatsLeft\":\\d+", ""),
                "the same answer, with a private link of its own (and the seats left as a newcomer would hear them now)");
        assertEquals(1, Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(0).taken());
    }

    @Test
    void theHtmlFormGetsADutchPage() throws Exception {
        Offer offer = Fixtures.offer(stack, "Taalcafé", 1, 9, 0);
        String path = Fixtures.enrolPath(offer);
        HttpResponse<String> ok = stack.post(path, "application/x-www-form-urlencoded", "name=Fatima+El+Amrani&phone=06-87654321&website=");
        assertEquals(201, ok.statusCode());
        assertTrue(ok.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(ok.body().contains("U bent aangemeld"), ok.body());
        assertTrue(ok.headers().firstValue("content-security-policy").orElse("").startsWith("default-src 'none'"));
        assertEquals("no-store", ok.headers().firstValue("cache-control").orElse(""));
        HttpResponse<String> full = stack.post(path, "application/x-www-form-urlencoded", "name=Piet&phone=0612121212");
        assertEquals(409, full.statusCode());
        assertTrue(full.body().contains("vol"), full.body());
    }

    @Test
    void walkInAndPastSessionsTakeNoEnrolment() throws Exception {
        Offer walkIn = Fixtures.offer(stack, "Tabletcafé", null, 5);
        HttpResponse<String> r = stack.post(Fixtures.enrolPath(walkIn), "application/json", "{\"name\":\"A\",\"phone\":\"0612345678\"}");
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("NO_ENROLMENT_NEEDED"));
        HttpResponse<String> missing = stack.post("/api/offers/bestaat-niet/sessions/abc/enrolments", "application/json",
                "{\"name\":\"A\",\"phone\":\"0612345678\"}");
        assertEquals(404, missing.statusCode());
    }
}
