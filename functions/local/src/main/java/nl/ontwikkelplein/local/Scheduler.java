package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the template's ScheduleV2 events: at each fire time the function is invoked with what
 * EventBridge Scheduler sends, and {@link #runNow} does the same on request.
 *
 * <p>The payload: the schedule's {@code Input} verbatim when the template sets one; otherwise
 * Scheduler's default notification, whose {@code detail} is the <em>string</em> "{}", not an
 * object. Mind that aws-lambda-java-serialization cannot read that default into
 * {@code ScheduledEvent} (its detail is a Map), in Lambda as here: a handler declared as
 * {@code RequestHandler<ScheduledEvent, ?>} fails on every scheduled run unless the template sets
 * {@code Input}. Take {@code Map<String, Object>} (or use Input) instead.
 *
 * <p>Scheduler invokes Lambda asynchronously, so a function error is retried by Lambda
 * (EventInvokeConfig.MaximumRetryAttempts, default 2) after about 1 and 2 minutes; locally after
 * 1 and 2 seconds. The schedule's own RetryPolicy covers failures to deliver, which do not happen
 * locally. When the retries are used up, the invocation record Lambda sends to EventInvokeConfig's
 * on-failure destination is appended to {@code failed-invocations/<Destination>.jsonl} in the data
 * directory.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ASYNC_RETRY_DELAY_MILLIS = 1_000;

    private final List<ScheduleSpec> schedules;
    private final LocalFunctions functions;
    private final Map<ScheduleSpec, DailyCron> crons = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Path failedInvocationsDir;

    /** Parses every schedule at once, so an unsupported expression stops the stack at start. */
    Scheduler(List<ScheduleSpec> schedules, LocalFunctions functions, Path dataDir) {
        this(schedules, functions, dataDir, Clock.systemUTC());
    }

    Scheduler(List<ScheduleSpec> schedules, LocalFunctions functions, Path dataDir, Clock clock) {
        this.schedules = List.copyOf(schedules);
        this.functions = functions;
        this.clock = clock;
        this.failedInvocationsDir = dataDir.resolve("failed-invocations");
        for (ScheduleSpec schedule : schedules) {
            crons.put(schedule, DailyCron.parse(schedule.expression(), schedule.timezone()));
        }
        AtomicInteger threads = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(Math.max(1, schedules.size()), task -> {
            Thread thread = new Thread(task, "scheduler-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        for (ScheduleSpec schedule : schedules) {
            if (schedule.enabled()) {
                scheduleNext(schedule, clock.instant());
            }
        }
    }

    /** The next fire time of a schedule after {@code after}. */
    Instant nextFireTime(ScheduleSpec schedule, Instant after) {
        return crons.get(schedule).next(after);
    }

    /**
     * Invokes the function's schedule(s) now, synchronously, with the event a scheduled run gets.
     *
     * @return the function's response per schedule, in template order
     * @throws IllegalArgumentException when the function has no schedule
     */
    public List<String> runNow(String functionId) throws FunctionError {
        List<String> responses = new ArrayList<>();
        for (ScheduleSpec schedule : schedules) {
            if (schedule.functionId().equals(functionId)) {
                responses.add(functions.invoke(functionId, event(schedule, clock.instant().truncatedTo(ChronoUnit.SECONDS))));
            }
        }
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("function " + functionId + " has no ScheduleV2 event in the template");
        }
        return responses;
    }

    /** What EventBridge Scheduler sends to the function for a run at {@code time}. */
    static String event(ScheduleSpec schedule, Instant time) {
        if (schedule.input() != null) {
            return schedule.input();
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", LocalNames.ACCOUNT_ID);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LocalNames.REGION);
        event.putArray("resources").add("arn:aws:scheduler:" + LocalNames.REGION + ":" + LocalNames.ACCOUNT_ID
                + ":schedule/default/" + schedule.scheduleName());
        event.put("detail", "{}");
        return event.toString();
    }

    private void scheduleNext(ScheduleSpec schedule, Instant after) {
        Instant fireTime = nextFireTime(schedule, after);
        long delay = Math.max(0, fireTime.toEpochMilli() - clock.millis());
        timer.schedule(() -> fire(schedule, fireTime), delay, TimeUnit.MILLISECONDS);
        LOG.fine(() -> schedule.scheduleName() + " next runs at " + fireTime);
    }

    /**
     * At a fire time: plan the next run, then invoke this one. The timer counts elapsed time, so
     * after a laptop sleeps through a fire time the run comes late (or not until the next day).
     */
    private void fire(ScheduleSpec schedule, Instant fireTime) {
        Instant now = clock.instant();
        scheduleNext(schedule, now.isAfter(fireTime) ? now : fireTime);
        invokeScheduled(schedule, fireTime);
    }

    /** A scheduled run for {@code fireTime}: invoked asynchronously, retried on function errors. */
    void invokeScheduled(ScheduleSpec schedule, Instant fireTime) {
        timer.execute(() -> invokeAsync(schedule, event(schedule, fireTime), 0));
    }

    private void invokeAsync(ScheduleSpec schedule, String event, int retry) {
        try {
            functions.invoke(schedule.functionId(), event);
        } catch (FunctionError e) {
            int maxRetries = functions.spec(schedule.functionId()).asyncRetryAttempts();
            if (retry < maxRetries) {
                LOG.warning(() -> schedule.scheduleName() + " failed (" + e.errorType() + ": " + e.getMessage() + "), retrying");
                timer.schedule(() -> invokeAsync(schedule, event, retry + 1), ASYNC_RETRY_DELAY_MILLIS * (retry + 1), TimeUnit.MILLISECONDS);
            } else {
                LOG.log(Level.SEVERE, schedule.scheduleName() + " failed after " + (retry + 1) + " attempts: " + e.errorType() + ": " + e.getMessage(), e);
                sendToOnFailureDestination(schedule, event, retry + 1, e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, schedule.scheduleName() + " could not be invoked", e);
        }
    }

    /** The record of an asynchronous invocation whose retries are used up, as Lambda sends it. */
    private void sendToOnFailureDestination(ScheduleSpec schedule, String event, int invokeCount, FunctionError error) {
        String destination = functions.spec(schedule.functionId()).asyncOnFailure();
        if (destination == null) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("version", "1.0");
        message.put("timestamp", clock.instant().toString());
        message.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("functionArn", "arn:aws:lambda:" + LocalNames.REGION + ":" + LocalNames.ACCOUNT_ID + ":function:"
                        + schedule.functionId() + ":$LATEST")
                .put("condition", "RetriesExhausted")
                .put("approximateInvokeCount", invokeCount);
        try {
            message.set("requestPayload", JSON.readTree(event));
        } catch (IOException e) {
            message.put("requestPayload", event);
        }
        message.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST").put("functionError", "Unhandled");
        message.putObject("responsePayload").put("errorMessage", error.getMessage()).put("errorType", error.errorType());
        OnFailureFiles.append(failedInvocationsDir, destination, message);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
