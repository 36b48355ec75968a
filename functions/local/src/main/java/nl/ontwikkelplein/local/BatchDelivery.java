package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ontwikkelplein.store.sqlite.ChangeLog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Invokes a stream function with one batch of records and settles the batch the way Lambda's
 * event source mapping does.
 *
 * <ul>
 *   <li>With ReportBatchItemFailures, the batch is retried from the first failed sequence number
 *   (an identifier that is null, empty or not in the batch fails the whole batch).</li>
 *   <li>A function error retries the whole batch, split in halves first when
 *   BisectBatchOnFunctionError is on (locally the halves share the remaining retries).</li>
 *   <li>After MaximumRetryAttempts retries, or once the records are older than
 *   MaximumRecordAgeInSeconds (-1: the stream's 24 hours), the batch goes to the on-failure
 *   destination and the stream moves on. Locally that destination is the file
 *   {@code failed-batches/<Destination>.jsonl} in the data directory, one line per batch with what
 *   Lambda would send (batch info, not the records).</li>
 * </ul>
 */
final class BatchDelivery {

    private static final Logger LOG = Logger.getLogger(BatchDelivery.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long STREAM_RETENTION_SECONDS = 24 * 3600;

    private final StreamSource source;
    private final LocalFunctions functions;
    private final Path failedBatchesDir;
    private final BooleanSupplier running;

    BatchDelivery(StreamSource source, LocalFunctions functions, Path failedBatchesDir, BooleanSupplier running) {
        this.source = source;
        this.functions = functions;
        this.failedBatchesDir = failedBatchesDir;
        this.running = running;
    }

    /** Delivers a batch with retries; false only when stopping before the batch was settled. */
    boolean deliver(List<ChangeLog.Change> batch, String shardId, String streamArn) throws InterruptedException {
        return deliver(batch, shardId, streamArn, source.maximumRetryAttempts());
    }

    private boolean deliver(List<ChangeLog.Change> batch, String shardId, String streamArn, int retriesLeft) throws InterruptedException {
        List<ChangeLog.Change> pending = batch;
        for (int attempt = 1; ; attempt++) {
            if (!running.getAsBoolean()) {
                return false;
            }
            Outcome outcome = invoke(pending);
            if (!running.getAsBoolean()) {
                return false;
            }
            if (outcome.succeeded()) {
                return true;
            }
            if (outcome.firstFailed() < 0 && source.bisectBatchOnFunctionError() && pending.size() > 1 && source.maximumRetryAttempts() != 0) {
                // A split does not count against the retry quota: each half starts with all its retries,
                // so one bad record is narrowed down to itself and its neighbours are delivered.
                int remaining = source.maximumRetryAttempts();
                int half = pending.size() / 2;
                return deliver(pending.subList(0, half), shardId, streamArn, remaining)
                        && deliver(pending.subList(half, pending.size()), shardId, streamArn, remaining);
            }
            if (outcome.firstFailed() > 0) {
                pending = pending.subList(outcome.firstFailed(), pending.size());
            }
            if (retriesLeft == 0 || tooOld(pending)) {
                sendToOnFailureDestination(pending, shardId, streamArn, attempt, outcome.reason());
                return true;
            }
            if (retriesLeft > 0) {
                retriesLeft--;
            }
            Thread.sleep(Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, 10)));
        }
    }

    /** @param firstFailed -1: the whole batch failed; 0..n: retry from that record; succeeded otherwise */
    private record Outcome(boolean succeeded, int firstFailed, String reason) {
        static final Outcome SUCCESS = new Outcome(true, 0, null);
    }

    private Outcome invoke(List<ChangeLog.Change> batch) {
        String response;
        try {
            response = functions.invoke(source.functionId(), StreamRecords.event(batch));
        } catch (FunctionError e) {
            LOG.warning(() -> source.id() + ": function error on a batch of " + batch.size() + ": " + e.errorType() + ": " + e.getMessage());
            return new Outcome(false, -1, e.errorType() + ": " + e.getMessage());
        }
        return source.reportBatchItemFailures() ? batchItemFailures(response, batch) : Outcome.SUCCESS;
    }

    /**
     * Reads StreamsEventResponse as Lambda does: no response, no list or an empty list is success;
     * an identifier that is null, empty or not in the batch fails the whole batch.
     */
    private static Outcome batchItemFailures(String response, List<ChangeLog.Change> batch) {
        JsonNode failures;
        try {
            failures = JSON.readTree(response).path("batchItemFailures");
        } catch (IOException e) {
            return new Outcome(false, -1, "unreadable response: " + response);
        }
        if (!failures.isArray() || failures.isEmpty()) {
            return Outcome.SUCCESS;
        }
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            int index = indexOf(batch, id);
            if (index < 0) {
                return new Outcome(false, -1, "batchItemFailures names '" + id + "', not a sequence number of this batch");
            }
            first = Math.min(first, index);
        }
        return new Outcome(false, first, "function reported " + failures.size() + " failed record(s)");
    }

    private static int indexOf(List<ChangeLog.Change> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (!sequenceNumber.isEmpty() && StreamRecords.sequenceNumber(batch.get(i).sequenceNumber()).equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    private boolean tooOld(List<ChangeLog.Change> batch) {
        long maxAge = source.maximumRecordAgeSeconds() < 0 ? STREAM_RETENTION_SECONDS : source.maximumRecordAgeSeconds();
        Instant created = batch.get(0).createdAt();
        return created != null && created.plusSeconds(maxAge).isBefore(Instant.now());
    }

    /** Records what Lambda would send to the on-failure destination (batch info, not the records). */
    private void sendToOnFailureDestination(List<ChangeLog.Change> batch, String shardId, String streamArn, int invokeCount, String reason) {
        String destination = source.onFailureDestination();
        ObjectNode message = JSON.createObjectNode();
        message.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("functionArn", "arn:aws:lambda:" + LocalNames.REGION + ":" + LocalNames.ACCOUNT_ID + ":function:" + source.functionId())
                .put("condition", tooOld(batch) ? "RecordAgeExceeded" : "RetryAttemptsExhausted")
                .put("approximateInvokeCount", invokeCount);
        message.putObject("responseContext").put("functionError", reason);
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        message.putObject("DDBStreamBatchInfo")
                .put("shardId", shardId)
                .put("startSequenceNumber", StreamRecords.sequenceNumber(batch.get(0).sequenceNumber()))
                .put("endSequenceNumber", StreamRecords.sequenceNumber(batch.get(batch.size() - 1).sequenceNumber()))
                .put("batchSize", batch.size())
                .put("streamArn", streamArn);
        if (destination == null) {
            LOG.severe(() -> source.id() + ": batch discarded after retries (no on-failure destination): " + message);
            return;
        }
        OnFailureFiles.append(failedBatchesDir, destination, message);
        LOG.severe(() -> source.id() + ": batch sent to on-failure destination " + destination + ": " + message);
    }
}
