package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.ontwikkelplein.notifications.EnrolmentEventsHandler;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Waitlists and private links through the real HTTP front, handlers and SQLite store, with the
 * enrolment stream delivered to the EnrolmentEventsFunction as in AWS: the JSON contract, order of
 * arrival under 1,000 concurrent attempts, promotion under 200 concurrent cancellations, stream
 * records delivered again, and what the private link offers (calendar, export, erasure).
 */
@LocalStackTest
class WaitlistTest {
    static TestStack stack;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Fixtures.organisationAndLocation(stack);
    }

    private static int phones = 0;

    private static synchronized String phone() {
        return String.format("06%08d", 30_000_000 + phones++);
    }

    static JsonNode enrol(String path) throws Exception {
        HttpResponse<String> r = stack.post(path, "application/json", "{\"name\":\"Deelnemer\",\"phone\":\"" + phone() + "\"}");
        JsonNode body = JSON.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("httpStatus", r.statusCode());
        return body;
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return stack.send(HttpRequest.newBuilder(URI.create(stack.url(path))).header("Accept", accept).GET());
    }

    static JsonNode status(String manageUrl) throws Exception {
        HttpResponse<String> r = get(manageUrl, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> cancel(String manageUrl) throws Exception {
        return stack.send(HttpRequest.newBuilder(URI.create(stack.url(manageUrl + "/afmelden")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
    }

    private static String path(Offer offer, int date) {
        return "/api/offers/" + offer.id() + "/sessions/" + offer.sessions().get(date).id() + "/enrolments";
    }

    private static int taken(Offer offer, int date) {
        return Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(date).taken();
    }

    private static List<Enrolment> enrolments(Offer offer, int date) {
        return stack.stack().stores().participants().of(offer.id(), offer.sessions().get(date).id()).stream().map(Participant::enrolment).toList();
    }

    @Test
    void theJsonContractTellsOutcomePositionAndThePrivateLink() throws Exception {
        Offer offer = Fixtures.offer(stack, "Taalcafé", 1, 10, 2);
        JsonNode first = enrol(path(offer, 0));
        assertEquals(201, first.path("httpStatus").asInt());
        assertEquals("ENROLLED", first.path("outcome").asText());
        String link = first.path("manageUrl").asText();
        assertTrue(link.matches("/aanmelding/[A-Za-z0-9_-]{43}"), link);
        assertTrue(first.path("position").isMissingNode());
        JsonNode second = enrol(path(offer, 0));
        assertEquals("WAITLISTED", second.path("outcome").asText());
        assertEquals(1, second.path("position").asInt());
        assertTrue(second.path("message").asText().contains("plek 1 van de wachtlijst"));
        JsonNode third = enrol(path(offer, 0));
        assertEquals(2, third.path("position").asInt());
        JsonNode fourth = enrol(path(offer, 0));
        assertEquals(409, fourth.path("httpStatus").asInt());
        assertEquals("FULL", fourth.path("outcome").asText(), "the waitlist holds two");
        assertTrue(fourth.path("manageUrl").isMissingNode());

        JsonNode mine = status(link);
        assertEquals("ENROLLED", mine.path("status").asText());
        assertTrue(mine.path("position").isNull());
        assertEquals(offer.title(), mine.path("title").asText());
        JsonNode waiting = status(third.path("manageUrl").asText());
        assertEquals("WAITLISTED", waiting.path("status").asText());
        assertEquals(2, waiting.path("position").asInt());

        // The first cancels with the plain form: the first waiting gets the seat, the second moves up.
        HttpResponse<String> page = cancel(link);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("U bent afgemeld"), page.body());
        assertEquals("CANCELLED", status(link).path("status").asText());
        assertEquals("ENROLLED", status(second.path("manageUrl").asText()).path("status").asText());
        assertEquals(1, status(third.path("manageUrl").asText()).path("position").asInt());
        assertEquals(1, taken(offer, 0));
        assertEquals(200, cancel(link).statusCode(), "cancelling twice is fine");
        assertEquals(1, taken(offer, 0));
    }

    @Test
    void withoutAWaitlistAFullDateIsFull() throws Exception {
        Offer offer = Fixtures.offer(stack, "Spreekuur", 1, 11, 0);
        assertEquals("ENROLLED", enrol(path(offer, 0)).path("outcome").asText());
        JsonNode full = enrol(path(offer, 0));
        assertEquals("FULL", full.path("outcome").asText());
        assertEquals(409, full.path("httpStatus").asInt());
    }

    @Test
    void aThousandConcurrentAttemptsOverTenDatesGiveTheSeatsAndQueueTheRestInArrivalOrder() throws Exception {
        int dates = 10, seats = 10, attempts = 1000;
        Offer offer = Fixtures.offer(stack, "Klik & Tik", seats, 12, dates, null);
        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                int date = i % dates;
                answers.add(pool.submit(() -> enrol(path(offer, date))));
            }
            Map<String, Integer> outcomes = new HashMap<>();
            Map<String, Integer> positionByLink = new HashMap<>();
            for (Future<JsonNode> f : answers) {
                JsonNode a = f.get(120, TimeUnit.SECONDS);
                outcomes.merge(a.path("outcome").asText(), 1, Integer::sum);
                if (a.path("outcome").asText().equals("WAITLISTED")) positionByLink.put(a.path("manageUrl").asText(), a.path("position").asInt());
            }
            assertEquals(Map.of("ENROLLED", dates * seats, "WAITLISTED", attempts - dates * seats), outcomes);
            for (int d = 0; d < dates; d++) {
                assertEquals(seats, taken(offer, d));
                List<Enrolment> queue = stack.stack().stores().participants().waiting(offer.id(), offer.sessions().get(d).id(), 1000);
                assertEquals(attempts / dates - seats, queue.size());
                Set<Long> tickets = new HashSet<>();
                for (Enrolment e : queue) assertTrue(tickets.add(e.ticket()));
            }
            // Every answer's position is the one its link shows now: positions 1..90 per date, each once, in ticket order.
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, Integer> e : positionByLink.entrySet()) {
                JsonNode s = status(e.getKey());
                assertEquals("WAITLISTED", s.path("status").asText());
                assertEquals(e.getValue().intValue(), s.path("position").asInt(), "the position answered is the place in the queue");
                assertTrue(seen.add(s.path("sessionId").asText() + "#" + e.getValue()), "one person per place");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoHundredConcurrentCancellationsPromoteOneWaitingPersonPerFreedSeatOnce() throws Exception {
        int seats = 200, waiting = 250;
        Offer offer = Fixtures.offer(stack, "Digisterker", seats, 13, 1, null);
        List<String> seated = new ArrayList<>(), queued = new ArrayList<>();
        for (int i = 0; i < seats + waiting; i++) {
            JsonNode a = enrol(path(offer, 0));
            (a.path("outcome").asText().equals("ENROLLED") ? seated : queued).add(a.path("manageUrl").asText());
        }
        assertEquals(seats, seated.size());
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            // All 200 seated cancel, each twice at once; the stream runs the same promotions meanwhile.
            List<Callable<Integer>> tries = new ArrayList<>();
            for (String link : seated) for (int twice = 0; twice < 2; twice++) tries.add(() -> cancel(link).statusCode());
            for (Future<Integer> f : pool.invokeAll(tries)) assertEquals(200, f.get().intValue());
        } finally {
            pool.shutdownNow();
        }
        stack.awaitStreams();
        assertEquals(seats, taken(offer, 0), "every freed seat went to someone waiting, none twice");
        List<Enrolment> all = enrolments(offer, 0);
        assertEquals(seats, all.stream().filter(e -> e.status() == Enrolment.EnrolmentStatus.CANCELLED).count());
        assertEquals(seats, all.stream().filter(e -> e.status() == Enrolment.EnrolmentStatus.CONFIRMED).count(), "one promotion per freed seat");
        assertEquals(waiting - seats, all.stream().filter(e -> e.status() == Enrolment.EnrolmentStatus.WAITLISTED).count());
        // The longest waiting got the seats; the rest moved up, in order.
        for (int i = 0; i < queued.size(); i++) {
            JsonNode s = status(queued.get(i));
            if (i < seats) assertEquals("ENROLLED", s.path("status").asText(), "place " + (i + 1) + " in the queue");
            else assertEquals(i - seats + 1, s.path("position").asInt());
        }
    }

    @Test
    void cancellationsPromoteInQueueOrderAndRedeliveredRecordsPromoteNobodyTwice() throws Exception {
        Offer offer = Fixtures.offer(stack, "Leesclub", 20, 14, 1, null);
        List<String> seated = new ArrayList<>(), queued = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JsonNode a = enrol(path(offer, 0));
            (a.path("outcome").asText().equals("ENROLLED") ? seated : queued).add(a.path("manageUrl").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (String link : seated.subList(0, 15)) tries.add(() -> cancel(link).statusCode());
            pool.invokeAll(tries);
        } finally {
            pool.shutdownNow();
        }
        stack.awaitStreams();
        for (int i = 0; i < queued.size(); i++) {
            JsonNode s = status(queued.get(i));
            if (i < 15) assertEquals("ENROLLED", s.path("status").asText(), "the first 15 in the queue");
            else assertEquals(i - 14, s.path("position").asInt(), "the rest moved up, in order");
        }
        List<Enrolment> before = enrolments(offer, 0);

        // The stream delivers every record of this date again, in two batches at the same time.
        String scope = "SESSION#" + offer.id() + "#" + offer.sessions().get(0).id();
        DynamodbEvent redelivered = new DynamodbEvent();
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Enrolment e : before) {
            DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
            r.setEventName("MODIFY");
            StreamRecord sr = new StreamRecord();
            sr.setKeys(Map.of("pk", new AttributeValue().withS(scope), "sk", new AttributeValue().withS("ENROL#" + e.personKey())));
            sr.setSequenceNumber(String.valueOf(records.size() + 1));
            r.setDynamodb(sr);
            records.add(r);
        }
        redelivered.setRecords(records);
        EnrolmentEventsHandler handler = new EnrolmentEventsHandler(stack.stack().stores(), Map.of("MAIL_FROM", "test@bibliotheek.test"));
        ExecutorService twice = Executors.newFixedThreadPool(2);
        try {
            Callable<com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> again = () -> handler.handleRequest(redelivered, null);
            for (var f : twice.invokeAll(List.of(again, again))) assertTrue(f.get().getBatchItemFailures().isEmpty());
        } finally {
            twice.shutdownNow();
        }
        assertEquals(before, enrolments(offer, 0), "nothing changed: every seat was already given");
        assertEquals(20, taken(offer, 0));
    }

    @Test
    void moreSeatsGoToThePeopleWaiting() throws Exception {
        Offer offer = Fixtures.offer(stack, "Tabletcafé", 1, 15, 1, null);
        enrol(path(offer, 0));
        String waiting = enrol(path(offer, 0)).path("manageUrl").asText();
        Offer stored = Fixtures.catalog(stack).offer(offer.id()).orElseThrow();
        Session s = stored.sessions().get(0);
        Offer bigger = stored.withSessions(List.of(new Session(s.id(), s.start(), s.end(), s.locationId(), 2, s.taken(), s.status())));
        Fixtures.catalog(stack).updateOffer(bigger);
        new nl.ontwikkelplein.domain.Waitlists(Fixtures.catalog(stack), stack.stack().stores().participants(), java.time.Clock.systemUTC())
                .afterEdit(stored, bigger);
        assertEquals("ENROLLED", status(waiting).path("status").asText());
        assertEquals(2, taken(offer, 0));
    }

    @Test
    void whenAnEditorMovesADateTheRetentionOfItsPeopleMovesAndMoreSeatsPromote() throws Exception {
        Offer offer = Fixtures.offer(stack, "Voorleesuur", 1, 19, 1, null);
        enrol(path(offer, 0));
        String waiting = enrol(path(offer, 0)).path("manageUrl").asText();
        Offer stored = Fixtures.catalog(stack).offer(offer.id()).orElseThrow();
        Session s = stored.sessions().get(0);
        nl.ontwikkelplein.domain.OfferInput moved = nl.ontwikkelplein.domain.OfferInputs.withSessions(nl.ontwikkelplein.domain.OfferInputs.from(stored),
                List.of(new nl.ontwikkelplein.domain.OfferInput.SessionInput(s.id(), s.start().plusDays(30).toString(), s.end().plusDays(30).toString(),
                        s.locationId(), 2, null)));
        String token = Fixtures.token(stack, nl.ontwikkelplein.domain.Role.EDITOR, List.of(Fixtures.ORG));
        HttpResponse<String> put = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/" + offer.id())))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(moved))));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("ENROLLED", status(waiting).path("status").asText(), "the second seat went to the one waiting");
        java.time.Instant expected = s.end().plusDays(30).atZone(Session.ZONE).toInstant().plus(java.time.Duration.ofDays(90));
        for (Enrolment e : enrolments(offer, 0)) assertEquals(expected, e.expiresAt(), "deleted 90 days after the new date");
    }

    @Test
    void aRepeatGetsALinkOfItsOwnThatChangesNothingReal() throws Exception {
        Offer offer = Fixtures.offer(stack, "Koffie-uurtje", 1, 16, 1, null);
        String body = "{\"name\":\"Anna\",\"phone\":\"0612999000\"}";
        JsonNode real = JSON.readTree(stack.post(path(offer, 0), "application/json", body).body());
        JsonNode newcomer = enrol(path(offer, 0));
        JsonNode repeat = JSON.readTree(stack.post(path(offer, 0), "application/json", body).body());
        assertEquals("WAITLISTED", newcomer.path("outcome").asText());
        assertEquals("WAITLISTED", repeat.path("outcome").asText(), "as a newcomer now would hear it");
        assertEquals(2, repeat.path("position").asInt());
        String standIn = repeat.path("manageUrl").asText();
        assertFalse(standIn.equals(real.path("manageUrl").asText()));
        assertEquals("WAITLISTED", status(standIn).path("status").asText());
        assertEquals(200, cancel(standIn).statusCode());
        assertEquals("CANCELLED", status(standIn).path("status").asText());
        assertEquals("ENROLLED", status(real.path("manageUrl").asText()).path("status").asText(), "the real enrolment is untouched");
        assertEquals(1, taken(offer, 0));
        assertEquals(1, status(newcomer.path("manageUrl").asText()).path("position").asInt());
    }

    @Test
    void thePrivateLinkGivesACalendarFileTheDataAndErasesThem() throws Exception {
        Offer offer = Fixtures.offer(stack, "Taalhuis; spreekuur, \"open\"", 1, 17, 1, null);
        JsonNode mine = enrol(path(offer, 0));
        String waiting = enrol(path(offer, 0)).path("manageUrl").asText();
        String link = mine.path("manageUrl").asText();

        HttpResponse<String> page = get(link, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("U bent aangemeld"));
        assertTrue(page.body().contains("Taalhuis; spreekuur, &#34;open&#34;") || page.body().contains("Taalhuis; spreekuur, \"open\""));
        assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElse(""), "the secret never leaves in a Referer");
        assertEquals("no-store", page.headers().firstValue("cache-control").orElse(""));
        assertTrue(page.body().contains("name=\"robots\" content=\"noindex\""));

        HttpResponse<String> ics = get(link + "/agenda.ics", "text/calendar");
        assertEquals(200, ics.statusCode());
        assertTrue(ics.headers().firstValue("content-type").orElse("").startsWith("text/calendar"));
        assertTrue(ics.body().startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(ics.body().contains("SUMMARY:Taalhuis\\; spreekuur\\, \"open\"\r\n"), ics.body());
        assertTrue(ics.body().contains("UID:" + offer.id() + "." + offer.sessions().get(0).id() + "@ontwikkelplein"));
        assertTrue(ics.body().contains("BEGIN:VTIMEZONE"));

        JsonNode data = JSON.readTree(get(link + "/gegevens.json", "application/json").body());
        assertEquals("Deelnemer", data.path("name").asText());
        assertTrue(data.path("phone").asText().startsWith("+316"));

        assertEquals(200, get(link + "/verwijderen", "text/html").statusCode(), "a confirmation first");
        assertEquals(1, taken(offer, 0), "looking changes nothing");
        HttpResponse<String> erased = stack.send(HttpRequest.newBuilder(URI.create(stack.url(link + "/verwijderen")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(200, erased.statusCode());
        assertTrue(erased.body().contains("Uw gegevens zijn verwijderd"));
        assertEquals(404, get(link, "application/json").statusCode());
        assertEquals(404, get(link, "text/html").statusCode());
        assertTrue(get(link, "text/html").body().contains("Deze link werkt niet"));
        assertEquals("ENROLLED", status(waiting).path("status").asText(), "the seat went to the one waiting");
        assertTrue(enrolments(offer, 0).stream().noneMatch(e -> e.manageHash() != null && link.endsWith(e.manageHash())));
        assertEquals(1, enrolments(offer, 0).size(), "the erased one is gone from the list");
    }

    @Test
    void badLinksAndBadRequestsGetAClearAnswerAndChangeNothing() throws Exception {
        Offer offer = Fixtures.offer(stack, "Inloopspreekuur", 1, 18, 1, null);
        String link = enrol(path(offer, 0)).path("manageUrl").asText();
        for (String bad : List.of("/aanmelding/kort", "/aanmelding/" + "A".repeat(43), "/aanmelding/" + "%3Cscript%3E".repeat(4),
                link + "/onbekend", link.substring(0, link.length() - 1) + "/afmelden")) {
            HttpResponse<String> r = get(bad, "text/html");
            assertEquals(404, r.statusCode(), bad);
            assertFalse(r.body().contains("<script>"));
        }
        HttpResponse<String> wrongSecret = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/aanmelding/" + "B".repeat(43) + "/afmelden")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(404, wrongSecret.statusCode());
        HttpResponse<String> huge = stack.send(HttpRequest.newBuilder(URI.create(stack.url(link + "/afmelden")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("x=" + "a".repeat(20_000))));
        assertEquals(413, huge.statusCode());
        assertEquals("ENROLLED", status(link).path("status").asText(), "nothing was cancelled");
        assertNotNull(get(link, "text/html").body());
    }
}
