package nl.ontwikkelplein.local;

import nl.ontwikkelplein.store.sqlite.ChangeLog;

import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One DynamoDB event source mapping, reading the table's rows of the SQLite change log the way
 * Lambda's poller reads a stream: one thread, in sequence order, one batch at a time (so records
 * are never reordered), batches of at most BatchSize and of at most 6 MB of event, and per mapping a position that survives a
 * restart. The very first start begins at the mapping's StartingPosition (LATEST: after what is in
 * the log now; TRIM_HORIZON: the oldest record kept). Failures, retries, bisecting and the
 * on-failure destination: {@link BatchDelivery}. A batch's position is saved once it is settled.
 * MaximumBatchingWindowInSeconds as Lambda applies it: a batch that is not full waits until the
 * window has passed since its records were first seen (a window of a second or less is not waited
 * for: each poll, every 100 ms, delivers what it read).
 */
final class ChangeLogPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChangeLogPoller.class.getName());
    private static final long POLL_INTERVAL_MILLIS = 100;
    private static final long ERROR_PAUSE_MILLIS = 1_000;
    /** Lambda reads at most 10,000 records per batch from a DynamoDB stream. */
    private static final int MAX_BATCH = 10_000;
    /** Lambda's limit on a synchronous invocation's event, which a stream batch is. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** The change log has one shard per table. */
    static final String SHARD_ID = "shardId-00000000000000000001-local";

    private final StreamSource source;
    private final String tableName;
    private final ChangeLog changeLog;
    private final BatchDelivery delivery;
    private final Thread thread;
    private volatile boolean running = true;
    private long position;
    /** When the records now waiting were first seen (0: none waiting). */
    private long waitingSince;

    ChangeLogPoller(StreamSource source, ChangeLog changeLog, LocalFunctions functions, java.nio.file.Path dataDir) {
        this.source = source;
        this.tableName = LocalNames.tableName(source.tableId());
        this.changeLog = changeLog;
        this.delivery = new BatchDelivery(source, functions, dataDir.resolve("failed-batches"), () -> running);
        this.thread = new Thread(this::run, "stream-" + source.id());
        this.thread.setDaemon(true);
    }

    /** Takes the starting position (so later writes are seen), then polls. */
    void start() {
        OptionalLong saved = changeLog.position(source.id());
        if (saved.isPresent()) {
            position = saved.getAsLong();
        } else {
            position = "TRIM_HORIZON".equals(source.startingPosition()) ? 0 : changeLog.latest();
            changeLog.savePosition(source.id(), position);
        }
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                if (!pollOnce()) {
                    Thread.sleep(POLL_INTERVAL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // a database hiccup, or a record that cannot be sent: log, wait, try again
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, source.id() + ": polling failed, trying again", e);
                try {
                    Thread.sleep(ERROR_PAUSE_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Delivers the next batch, if any; true if there was one. */
    private boolean pollOnce() throws InterruptedException {
        List<ChangeLog.Change> batch = changeLog.after(tableName, position, Math.min(source.batchSize(), MAX_BATCH));
        if (batch.isEmpty()) {
            return false;
        }
        int fitting = StreamRecords.fitting(batch, MAX_PAYLOAD_BYTES);
        boolean full = fitting < batch.size() || batch.size() == Math.min(source.batchSize(), MAX_BATCH);
        batch = batch.subList(0, fitting);
        if (source.batchingWindowSeconds() > 1 && !full) {
            long now = System.currentTimeMillis();
            if (waitingSince == 0) waitingSince = now;
            if (now - waitingSince < source.batchingWindowSeconds() * 1000L) return false;
        }
        waitingSince = 0;
        if (!delivery.deliver(batch, SHARD_ID, StreamRecords.streamArn(tableName))) {
            return true; // stopping: not saved, so delivered again after a restart
        }
        position = batch.get(batch.size() - 1).sequenceNumber();
        changeLog.savePosition(source.id(), position);
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
