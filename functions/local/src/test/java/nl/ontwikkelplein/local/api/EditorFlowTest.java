package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thin path end to end on the real local stack: an editor creates and changes an offer
 * through the API, the change travels the stream to the site builder, and the pages at the HTTP
 * front show it within seconds, with the editor's HTML escaped. Enrolments constrain later edits.
 */
@LocalStackTest
class EditorFlowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DAY = LocalDate.now().plusDays(12).toString();

    static TestStack stack;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.organisationAndLocation(stack);
        token = Fixtures.token(stack, Role.EDITOR, List.of(Fixtures.ORG));
    }

    static ObjectNode offerJson(String title, int seats) {
        ObjectNode o = JSON.createObjectNode();
        o.put("organisationId", Fixtures.ORG).put("title", title).put("summary", "Samen oefenen met de computer.")
                .put("description", "Neem uw eigen laptop mee.\n<img src=x onerror=alert(1)>").put("kind", "COURSE")
                .put("programmeLine", "BASIC_SKILLS");
        o.putArray("themes").add("digitale vaardigheden");
        ArrayNode sessions = o.putArray("sessions");
        sessions.addObject().put("start", DAY + "T10:00").put("end", DAY + "T12:00").put("locationId", Fixtures.LOCATION).put("seats", seats);
        return o;
    }

    @Test
    void anEditedOfferReachesThePublicPagesAndEnrolmentsConstrainEdits() throws Exception {
        HttpResponse<String> created = send("POST", "/api/offers", offerJson("<script>alert('x')</script> Klik & Tik", 2));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode offer = JSON.readTree(created.body());
        String id = offer.get("id").asText();
        String sessionId = offer.get("sessions").get(0).get("id").asText();

        String page = awaitPage("/aanbod/" + id + "/", body -> body.contains("Klik &amp; Tik"));
        assertFalse(page.contains("<script>alert("), "editor script must not reach the page");
        assertFalse(page.contains("<img src=x"), "editor HTML must not reach the page");
        assertTrue(page.contains("&lt;script&gt;"), page);
        assertTrue(page.contains("action=\"/api/offers/" + id + "/sessions/" + sessionId + "/enrolments\""), page);
        awaitPage("/", body -> body.contains("/aanbod/" + id + "/"));

        HttpResponse<String> read = send("GET", "/api/offers/" + id, null);
        assertEquals(200, read.statusCode());

        ObjectNode changed = offerJson("Klik & Tik: de basis", 2);
        ((ObjectNode) changed.get("sessions").get(0)).put("id", sessionId);
        assertEquals(200, send("PUT", "/api/offers/" + id, changed).statusCode());
        awaitPage("/aanbod/" + id + "/", body -> body.contains("Klik &amp; Tik: de basis"));

        String enrol = "/api/offers/" + id + "/sessions/" + sessionId + "/enrolments";
        assertEquals(201, stack.post(enrol, "application/json", "{\"name\":\"Els\",\"phone\":\"0611111111\"}").statusCode());
        assertEquals(201, stack.post(enrol, "application/json", "{\"name\":\"Kees\",\"phone\":\"0622222222\"}").statusCode());
        awaitPage("/aanbod/" + id + "/", body -> body.contains("Vol"));

        ObjectNode fewerSeats = changed.deepCopy();
        ((ObjectNode) fewerSeats.get("sessions").get(0)).put("seats", 1);
        HttpResponse<String> refused = send("PUT", "/api/offers/" + id, fewerSeats);
        assertEquals(409, refused.statusCode(), refused.body());

        ObjectNode noSessions = changed.deepCopy();
        noSessions.putArray("sessions");
        HttpResponse<String> refusedRemoval = send("PUT", "/api/offers/" + id, noSessions);
        assertEquals(409, refusedRemoval.statusCode(), refusedRemoval.body());
        assertTrue(refusedRemoval.body().contains("Zeg die bijeenkomst af"), refusedRemoval.body());

        ObjectNode cancelled = changed.deepCopy();
        ((ObjectNode) cancelled.get("sessions").get(0)).put("status", "CANCELLED");
        assertEquals(200, send("PUT", "/api/offers/" + id, cancelled).statusCode());
        HttpResponse<String> late = stack.post(enrol, "application/json", "{\"name\":\"Ali\",\"phone\":\"0633333333\"}");
        assertEquals(409, late.statusCode());
        assertTrue(late.body().contains("CANCELLED"), late.body());
        assertEquals(2, Fixtures.catalog(stack).offer(id).orElseThrow().sessions().get(0).taken());
    }

    @Test
    void healthAndOpenApiAreServed() throws Exception {
        HttpResponse<String> health = stack.get("/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
        HttpResponse<String> openapi = stack.get("/api/openapi.yaml");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().startsWith("openapi: 3"));
        for (String path : List.of("/api/offers:", "/api/offers/{offerId}:", "/api/offers/{offerId}/sessions/{sessionId}/enrolments:", "/api/health:", "/api/openapi.yaml:"))
            assertTrue(openapi.body().contains(path), path);
    }

    @Test
    void anOfferThatRunsInAPeriodWithAPriceNotKnownGoesInAndComesOutAsSent() throws Exception {
        ObjectNode o = offerJson("Nederlands B1 bij het ROC", 2);
        o.remove("sessions");
        o.put("priceCents", -1).put("provider", "ROC");
        o.putObject("period").put("start", DAY).put("end", LocalDate.parse(DAY).plusMonths(4).toString()).put("locationId", Fixtures.LOCATION);
        HttpResponse<String> created = send("POST", "/api/offers", o);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode offer = JSON.readTree(created.body());
        assertTrue(offer.get("priceCents").isNull(), "not known: " + offer);
        assertEquals(LocalDate.parse(DAY).plusMonths(4).toString(), offer.at("/period/end").asText());
        assertEquals(Fixtures.LOCATION, offer.at("/period/locationId").asText());
        assertEquals(0, offer.get("sessions").size());
        JsonNode read = JSON.readTree(send("GET", "/api/offers/" + offer.get("id").asText(), null).body());
        assertEquals(offer.get("period"), read.get("period"));
    }

    private static HttpResponse<String> send(String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.url(path)))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) b.header("Content-Type", "application/json");
        return stack.send(b);
    }

    /** Polls the front until the page satisfies the check: the stream and site builder work asynchronously. */
    private static String awaitPage(String path, Predicate<String> check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = stack.get(path);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200 && check.test(r.body())) return r.body();
            Thread.sleep(200);
        }
        throw new AssertionError("page " + path + " did not show the change in time; last: " + last);
    }
}
