package nl.ontwikkelplein.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ontwikkelplein.local.fixtures.ScheduleRecorder;
import nl.ontwikkelplein.local.fixtures.ScheduledEventRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ScheduleV2 events: run now over HTTP, the payload EventBridge Scheduler sends, async retries. */
@LocalStackTest(LocalStackTest.Template.TEST)
class SchedulerTest {

    static TestStack stack;

    @BeforeEach
    void clear() {
        ScheduleRecorder.EVENTS.clear();
        ScheduleRecorder.FAILURES_LEFT.set(0);
        ScheduledEventRecorder.EVENTS.clear();
    }

    private static HttpResponse<String> runNow(String functionId) throws Exception {
        return stack.send(HttpRequest.newBuilder(URI.create(stack.url("/_local/schedules/" + functionId)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void runNowDeliversSchedulersDefaultNotification() throws Exception {
        HttpResponse<String> response = runNow("ScheduledFunction");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, ScheduleRecorder.EVENTS.size());
        Map<String, Object> event = ScheduleRecorder.EVENTS.get(0);
        assertEquals("0", event.get("version"));
        assertEquals("Scheduled Event", event.get("detail-type"));
        assertEquals("aws.scheduler", event.get("source"));
        assertEquals("eu-west-1", event.get("region"));
        assertEquals("{}", event.get("detail")); // a string, as Scheduler sends it
        assertEquals(List.of("arn:aws:scheduler:eu-west-1:000000000000:schedule/default/ScheduledFunctionNightly"), event.get("resources"));
        Instant time = Instant.parse((String) event.get("time"));
        assertTrue(Duration.between(time, Instant.now()).abs().toSeconds() < 5);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("ScheduledFunction", body.get("function").asText());
        assertEquals("ran " + event.get("id"), body.get("responses").get(0).asText());
    }

    @Test
    void templateInputIsSentAsIsAndReachesAScheduledEventHandler() throws Exception {
        assertEquals(200, runNow("TypedScheduledFunction").statusCode());
        assertEquals(1, ScheduledEventRecorder.EVENTS.size());
        ScheduledEvent event = ScheduledEventRecorder.EVENTS.get(0);
        assertEquals("ontwikkelplein.local", event.getSource());
        assertEquals("Nightly", event.getDetailType());
        assertEquals("fixed", event.getId());
        assertEquals(Instant.parse("2026-01-01T03:15:00Z").toEpochMilli(), event.getTime().getMillis());
    }

    @Test
    void scheduledEventHandlerCannotReadTheDefaultNotification() throws Exception {
        // As in Lambda (aws-lambda-java-libs issue 479): detail "{}" is a string, ScheduledEvent wants a map.
        HttpResponse<String> response = runNow("DefaultPayloadTypedFunction");
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("An error occurred during JSON parsing"), response.body());
        assertTrue(ScheduledEventRecorder.EVENTS.isEmpty());
    }

    @Test
    void unknownFunctionsAndWrongMethodsAreRefused() throws Exception {
        assertEquals(404, runNow("EchoFunction").statusCode()); // has no schedule
        assertEquals(404, runNow("NoSuchFunction").statusCode());
        assertEquals(405, stack.get("/_local/schedules/ScheduledFunction").statusCode());
        assertTrue(ScheduleRecorder.EVENTS.isEmpty());
    }

    @Test
    void aScheduledRunIsRetriedLikeAnAsyncInvocation() throws Exception {
        ScheduleRecorder.FAILURES_LEFT.set(1);
        ScheduleSpec schedule = stack.stack().template().function("ScheduledFunction").orElseThrow().schedules().get(0);
        Instant fireTime = Instant.parse("2026-05-01T01:00:00Z");
        stack.stack().scheduler().invokeScheduled(schedule, fireTime);
        assertTrue(TestStack.await(Duration.ofSeconds(5), () -> ScheduleRecorder.EVENTS.size() == 2), "one retry after the failure");
        Thread.sleep(1_500);
        assertEquals(2, ScheduleRecorder.EVENTS.size(), "no retry after success");
        assertEquals(ScheduleRecorder.EVENTS.get(0).get("id"), ScheduleRecorder.EVENTS.get(1).get("id"), "a retry is the same event");
        assertEquals("2026-05-01T01:00:00Z", ScheduleRecorder.EVENTS.get(0).get("time"));
    }

    @Test
    void aRunThatKeepsFailingGoesToTheOnFailureDestination() throws Exception {
        ScheduleRecorder.FAILURES_LEFT.set(5);
        ScheduleSpec schedule = stack.stack().template().function("ScheduledFunction").orElseThrow().schedules().get(0);
        stack.stack().scheduler().invokeScheduled(schedule, Instant.parse("2026-06-01T01:00:00Z"));
        Path file = stack.stack().config().dataDir().resolve("failed-invocations/NightlyFailures.jsonl");
        assertTrue(TestStack.await(Duration.ofSeconds(5), () -> Files.exists(file)), "sent to the destination");
        assertEquals(2, ScheduleRecorder.EVENTS.size(), "MaximumRetryAttempts: 1 from EventInvokeConfig");
        JsonNode message = new ObjectMapper().readTree(Files.readAllLines(file).get(0));
        assertEquals("RetriesExhausted", message.at("/requestContext/condition").asText());
        assertEquals(2, message.at("/requestContext/approximateInvokeCount").asInt());
        assertEquals("2026-06-01T01:00:00Z", message.at("/requestPayload/time").asText());
        assertEquals("Unhandled", message.at("/responseContext/functionError").asText());
        assertFalse(message.at("/responsePayload/errorType").asText().isEmpty());
    }

    @Test
    void theTimerFiresAtTheScheduledTime() throws Exception {
        ScheduleSpec nightly = stack.stack().template().function("ScheduledFunction").orElseThrow().schedules().get(0);
        Instant fireTime = Instant.parse("2026-07-01T01:00:00Z"); // 03:00 in Amsterdam (summer time)
        // A clock that reads one second before the fire time, and runs on from there.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), fireTime.minusSeconds(1)));
        try (Scheduler scheduler = new Scheduler(List.of(nightly), stack.stack().functions(), stack.stack().config().dataDir(), clock)) {
            scheduler.start();
            assertTrue(TestStack.await(Duration.ofSeconds(5), () -> ScheduleRecorder.EVENTS.size() == 1), "fired");
            assertEquals("2026-07-01T01:00:00Z", ScheduleRecorder.EVENTS.get(0).get("time"));
            Thread.sleep(1_000);
            assertEquals(1, ScheduleRecorder.EVENTS.size(), "the next run is tomorrow");
        }
    }

    @Test
    void nextFireTimesComeFromTheTemplate() throws Exception {
        HttpResponse<String> wiring = stack.get("/_local/wiring");
        JsonNode schedules = new ObjectMapper().readTree(wiring.body()).get("schedules");
        assertEquals(3, schedules.size());
        ScheduleSpec nightly = stack.stack().template().function("ScheduledFunction").orElseThrow().schedules().get(0);
        assertEquals(Instant.parse("2026-01-16T02:00:00Z"), stack.stack().scheduler().nextFireTime(nightly, Instant.parse("2026-01-15T02:00:00Z")));
    }
}
