package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local-only endpoints under /_local/ (schedules are covered by SchedulerTest). */
@LocalStackTest(LocalStackTest.Template.TEST)
class LocalEndpointsTest {

    static TestStack stack;

    @Test
    void demoFeedsAreServedWithTodaysDates() throws Exception {
        HttpResponse<String> feed = stack.get("/_local/feeds/taalhuis-vechtdal.csv");
        assertEquals(200, feed.statusCode());
        assertEquals("text/csv; charset=utf-8", feed.headers().firstValue("content-type").orElseThrow());
        assertTrue(feed.body().startsWith("external_id,"), feed.body());
        assertFalse(feed.body().contains("{{day+"), "placeholders are filled in");
        assertTrue(feed.body().contains(LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(4).toString()));
        assertEquals(404, stack.get("/_local/feeds/README.txt").statusCode());
        assertEquals(404, stack.get("/_local/feeds/nope.csv").statusCode());
        assertEquals(405, stack.post("/_local/feeds/taalhuis-vechtdal.csv", "text/csv", "x").statusCode());

        HttpResponse<String> ooapi = stack.get("/_local/feeds/deltion-college.json");
        assertEquals(200, ooapi.statusCode());
        assertEquals("application/json", ooapi.headers().firstValue("content-type").orElseThrow());
        new ObjectMapper().readTree(ooapi.body()); // JSON after the dates are filled in
        assertTrue(ooapi.body().contains("\"startDate\": \"" + LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(21) + "\""), "days before today too");
        assertFalse(ooapi.body().contains("{{day"));
        assertEquals(404, stack.get("/_local/feeds/deltion-college.xml").statusCode());
    }

    @Test
    void wiringShowsWhatWasReadFromTheTemplate() throws Exception {
        JsonNode wiring = new ObjectMapper().readTree(stack.get("/_local/wiring").body());
        assertEquals(stack.stack().template().routes().size(), wiring.get("routes").size());
        assertEquals("GET /api/health", wiring.get("routes").get(0).get("routeKey").asText());
        assertEquals("StreamFunction", wiring.get("streams").get(0).get("function").asText());
        assertEquals("ontwikkelplein-sitebucket", wiring.get("siteBucket").asText());
    }

    @Test
    void unknownLocalPathsAreNotFound() throws Exception {
        assertEquals(404, stack.get("/_local/nope").statusCode());
        assertEquals(404, stack.get("/_local/").statusCode());
    }
}
