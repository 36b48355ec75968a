package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One date, and all dates of an offer, as calendar files through the local front: for anyone, for public offers only. */
class DateCalendarTest {
    @TempDir
    static Path data;
    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(TestStack.realTemplate(), data, Map.of());
        Fixtures.organisationAndLocation(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static String path(Offer o, String sessionId) { return "/api/offers/" + o.id() + "/sessions/" + sessionId + "/agenda.ics"; }

    @Test
    void anyoneGetsTheCalendarFileOfAPublicDate() throws Exception {
        Offer offer = Fixtures.offer(stack, "Taalcafé; samen, praten", 10, 5);
        HttpResponse<String> r = stack.get(path(offer, offer.sessions().get(0).id()));
        assertEquals(200, r.statusCode());
        assertEquals("text/calendar; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.headers().firstValue("content-disposition").orElseThrow().startsWith("attachment"));
        assertTrue(r.body().startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(r.body().contains("UID:" + offer.id() + "." + offer.sessions().get(0).id() + "@ontwikkelplein\r\n"));
        assertTrue(r.body().contains("SUMMARY:Taalcafé\\; samen\\, praten\r\n"));
        assertTrue(r.body().contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"));
        assertFalse(r.body().contains("METHOD:"), "a plain file, not an iTIP message");
    }

    @Test
    void anyoneGetsTheFileOfAllDatesOfAPublicOfferWithTheSameUids() throws Exception {
        Offer offer = Fixtures.offer(stack, "Klik & Tik", 10, 5, 3, null);
        HttpResponse<String> r = stack.get("/api/offers/" + offer.id() + "/agenda.ics");
        assertEquals(200, r.statusCode());
        assertEquals("text/calendar; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("attachment; filename=\"" + offer.id() + ".ics\"", r.headers().firstValue("content-disposition").orElseThrow());
        for (var s : offer.sessions()) assertTrue(r.body().contains("UID:" + offer.id() + "." + s.id() + "@ontwikkelplein\r\n"), s.id());
        String one = stack.get(path(offer, offer.sessions().get(0).id())).body();
        String uid = "UID:" + offer.id() + "." + offer.sessions().get(0).id() + "@ontwikkelplein";
        assertTrue(one.contains(uid), "a date's own file has the same UID, so calendars merge them");
        assertFalse(r.body().contains("METHOD:"));
    }

    @Test
    void theOfferFileOfADraftAnUnknownOrAHostileIdIsNotFound() throws Exception {
        Offer draft = Fixtures.offer(stack, "Concept", 10, 5);
        Fixtures.catalog(stack).updateOffer(Fixtures.catalog(stack).offer(draft.id()).orElseThrow().withStatus(OfferStatus.DRAFT));
        assertEquals(404, stack.get("/api/offers/" + draft.id() + "/agenda.ics").statusCode());
        assertEquals(404, stack.get("/api/offers/bestaat-niet/agenda.ics").statusCode());
        assertEquals(404, stack.get("/api/offers/%2e%2e%2F%2e%2e/agenda.ics").statusCode());
        assertEquals(404, stack.get("/api/offers/" + "a".repeat(5000) + "/agenda.ics").statusCode());
    }

    @Test
    void draftsUnknownDatesAndHostileIdsAreNotFound() throws Exception {
        Offer draft = Fixtures.offer(stack, "Nog niet klaar", 10, 5);
        Fixtures.catalog(stack).updateOffer(Fixtures.catalog(stack).offer(draft.id()).orElseThrow().withStatus(OfferStatus.DRAFT));
        Offer open = Fixtures.offer(stack, "Open", 10, 5);
        assertEquals(404, stack.get(path(draft, draft.sessions().get(0).id())).statusCode(), "a draft is not public");
        assertEquals(404, stack.get(path(open, "bestaat-niet")).statusCode());
        assertEquals(404, stack.get("/api/offers/bestaat-niet/sessions/x/agenda.ics").statusCode());
        assertEquals(404, stack.get("/api/offers/%2e%2e/sessions/%3Cscript%3E/agenda.ics").statusCode());
        HttpResponse<String> post = stack.send(HttpRequest.newBuilder(URI.create(stack.url(path(open, open.sessions().get(0).id()))))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertTrue(post.statusCode() == 404 || post.statusCode() == 405, "read only: " + post.statusCode());
    }
}
