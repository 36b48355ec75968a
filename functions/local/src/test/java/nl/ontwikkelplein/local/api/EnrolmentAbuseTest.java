package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse of the public enrolment on the real local stack, with the application's rate limit on
 * (3 per 10 minutes here): the limit per visitor address (CloudFront's x-viewer-address), the
 * honeypot for JSON callers too, and a repeat that looks exactly like a first enrolment.
 */
class EnrolmentAbuseTest {
    @TempDir
    static Path data;
    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(TestStack.realTemplate(), data, Map.of("EnrolmentRateLimit", "3"));
        Fixtures.organisationAndLocation(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static HttpResponse<String> enrol(String path, String viewer, String contentType, String body) throws Exception {
        return stack.send(HttpRequest.newBuilder(URI.create(stack.url(path))).header("Content-Type", contentType)
                .header("x-viewer-address", viewer).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void eachVisitorAddressGetsAFewAttemptsThenADutchAnswer() throws Exception {
        Offer offer = Fixtures.offer(stack, "Taalcafé", 50, 6);
        String path = Fixtures.enrolPath(offer);
        for (int i = 0; i < 3; i++)
            assertEquals(201, enrol(path, "203.0.113.7", "application/json", "{\"name\":\"Iemand\",\"phone\":\"0612340" + (100 + i) + "\"}").statusCode());
        HttpResponse<String> limited = enrol(path, "203.0.113.7", "application/json", "{\"name\":\"Iemand\",\"phone\":\"0612340200\"}");
        assertEquals(429, limited.statusCode());
        HttpResponse<String> page = enrol(path, "203.0.113.7", "application/x-www-form-urlencoded", "name=Iemand&phone=0612340201");
        assertEquals(429, page.statusCode());
        assertTrue(page.body().contains("Wacht tien minuten"), page.body());
        assertEquals(201, enrol(path, "198.51.100.9", "application/json", "{\"name\":\"Ander\",\"phone\":\"0612340300\"}").statusCode(),
                "another address is not affected");
        assertEquals(4, Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(0).taken());
    }

    @Test
    void theHoneypotCountsForJsonToo() throws Exception {
        Offer offer = Fixtures.offer(stack, "Klik & Tik", 5, 7);
        HttpResponse<String> bot = enrol(Fixtures.enrolPath(offer), "192.0.2.1", "application/json",
                "{\"name\":\"Bot\",\"phone\":\"0612349999\",\"website\":\"https://spam.example\"}");
        assertEquals(400, bot.statusCode());
        assertEquals(0, Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(0).taken());
    }

    @Test
    void aRepeatLooksExactlyLikeAFirstEnrolment() throws Exception {
        Offer offer = Fixtures.offer(stack, "Digisterker", 5, 8);
        String path = Fixtures.enrolPath(offer);
        HttpResponse<String> stranger = enrol(path, "192.0.2.2", "application/x-www-form-urlencoded", "name=Piet&phone=0612348888");
        HttpResponse<String> repeat = enrol(path, "192.0.2.3", "application/x-www-form-urlencoded", "name=Piet&phone=0612348888");
        assertEquals(stranger.statusCode(), repeat.statusCode());
        assertEquals(EnrolmentConcurrencyTest.withoutLink(stranger.body()), EnrolmentConcurrencyTest.withoutLink(repeat.body()), "the page says the same");
        HttpResponse<String> json1 = enrol(path, "192.0.2.4", "application/json", "{\"name\":\"Jan\",\"phone\":\"0612347777\"}");
        HttpResponse<String> json2 = enrol(path, "192.0.2.5", "application/json", "{\"name\":\"Jan\",\"phone\":\"0612347777\"}");
        assertEquals(json1.statusCode(), json2.statusCode());
        assertEquals(EnrolmentConcurrencyTest.withoutLink(json1.body()).replaceAll("\"seatsLeft\":\\d+", ""),
                EnrolmentConcurrencyTest.withoutLink(json2.body()).replaceAll("\"seatsLeft\":\\d+", ""));
        assertTrue(json2.body().contains("\"seatsLeft\":2"), "seats left as a newcomer would hear it now: " + json2.body());
        assertEquals(2, Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(0).taken());
    }
}
