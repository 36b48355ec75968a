package nl.ontwikkelplein.local;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One DynamoDB event source mapping: reads a table's stream and invokes the function with batches,
 * the way Lambda's poller does.
 *
 * <ul>
 *   <li>One thread, shards in order, one batch at a time: a shard's records are never reordered.
 *   A child shard starts after its parent is fully delivered.</li>
 *   <li>Position: the very first start uses the mapping's StartingPosition; after that the last
 *   delivered sequence number per shard is kept in the data directory and a restart resumes right
 *   after it (AFTER_SEQUENCE_NUMBER; TRIM_HORIZON if that position is no longer valid).</li>
 *   <li>Failures and retries: see {@link BatchDelivery}. A batch is checkpointed once it is settled
 *   (delivered, or set aside to the on-failure destination).</li>
 *   <li>MaximumBatchingWindowInSeconds is not simulated: each poll (every 250 ms) delivers what it
 *   read, up to BatchSize.</li>
 * </ul>
 */
final class StreamPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StreamPoller.class.getName());
    private static final long POLL_INTERVAL_MILLIS = 250;
    private static final long ERROR_PAUSE_MILLIS = 1_000;
    private static final long DISCOVERY_INTERVAL_MILLIS = 10_000;
    private static final int MAX_GET_RECORDS_LIMIT = 1000;

    private final StreamSource source;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final StreamCheckpoints checkpoints;
    private final BatchDelivery delivery;
    private final Thread thread;
    private final List<ShardCursor> cursors = new ArrayList<>();
    private final Set<String> startedShards = new HashSet<>();
    private volatile boolean running = true;
    private String streamArn;
    private boolean initialDiscoveryDone;
    private long lastDiscoveryMillis;

    StreamPoller(StreamSource source, DynamoDbClient dynamo, DynamoDbStreamsClient streams,
                 LocalFunctions functions, Path dataDir) {
        this.source = source;
        this.dynamo = dynamo;
        this.streams = streams;
        this.checkpoints = new StreamCheckpoints(dataDir.resolve("streams").resolve(source.id() + ".properties"));
        this.delivery = new BatchDelivery(source, functions, dataDir.resolve("failed-batches"), () -> running);
        this.thread = new Thread(this::run, "stream-" + source.id());
        this.thread.setDaemon(true);
    }

    /** Starts polling; returns once the initial shard positions are taken, so later writes are seen. */
    void start() {
        streamArn = dynamo.describeTable(b -> b.tableName(LocalNames.tableName(source.tableId()))).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException(source.tableId() + " has no stream, but " + source.id() + " reads it");
        }
        discover();
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
            } catch (SdkException | IllegalStateException e) {
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

    /** One pass over the open shards; true if any records were delivered. */
    private boolean pollOnce() throws InterruptedException {
        boolean delivered = false;
        for (ShardCursor cursor : List.copyOf(cursors)) {
            if (!running) {
                return delivered;
            }
            GetRecordsResponse response;
            try {
                response = streams.getRecords(b -> b.shardIterator(cursor.iterator).limit(Math.min(source.batchSize(), MAX_GET_RECORDS_LIMIT)));
            } catch (ExpiredIteratorException e) {
                cursor.iterator = iterator(cursor.shardId, resumePosition(cursor.shardId));
                continue;
            } catch (TrimmedDataAccessException e) {
                // Our position is older than the shard's oldest record. In AWS: records expired
                // (24 h); Lambda goes on with the oldest available. In DynamoDB Local also when the
                // iterator was taken while the shard was still empty: it numbers records across all
                // tables, so the first record's number is past the shard's starting number. Then every
                // record in the shard is new to us, and re-taking LATEST would skip the first one.
                cursor.iterator = iterator(cursor.shardId, ShardIteratorType.TRIM_HORIZON.toString());
                continue;
            }
            List<Record> records = response.records();
            if (!records.isEmpty()) {
                delivered = true;
                if (!delivery.deliver(records, cursor.shardId, streamArn)) {
                    return delivered; // stopping: not checkpointed, so delivered again after a restart
                }
                checkpoints.put(cursor.shardId, records.get(records.size() - 1).dynamodb().sequenceNumber());
            }
            if (response.nextShardIterator() == null) {
                checkpoints.put(cursor.shardId, StreamCheckpoints.DONE); // closed and fully read
                cursors.remove(cursor);
                discover(); // its children may start now
            } else {
                cursor.iterator = response.nextShardIterator();
            }
        }
        if (cursors.isEmpty() || System.currentTimeMillis() - lastDiscoveryMillis > DISCOVERY_INTERVAL_MILLIS) {
            discover();
        }
        return delivered;
    }

    /** Opens cursors for shards not started yet whose parent is done. */
    private void discover() {
        lastDiscoveryMillis = System.currentTimeMillis();
        boolean firstStart = !checkpoints.existed() && !initialDiscoveryDone;
        List<Shard> shards = describeShards();
        Set<String> pending = new HashSet<>();
        cursors.forEach(c -> pending.add(c.shardId));
        for (Shard shard : shards) {
            if (!startedShards.contains(shard.shardId()) && !StreamCheckpoints.DONE.equals(checkpoints.get(shard.shardId()))) {
                pending.add(shard.shardId());
            }
        }
        for (Shard shard : shards) {
            String id = shard.shardId();
            if (startedShards.contains(id) || (shard.parentShardId() != null && pending.contains(shard.parentShardId()))) {
                continue;
            }
            String position = initialPosition(shard, firstStart);
            startedShards.add(id);
            if (StreamCheckpoints.DONE.equals(position)) {
                continue;
            }
            cursors.add(new ShardCursor(id, iterator(id, position)));
            pending.add(id);
        }
        initialDiscoveryDone = true;
    }

    private String initialPosition(Shard shard, boolean firstStart) {
        String saved = checkpoints.get(shard.shardId());
        if (saved != null) {
            return saved;
        }
        if (!firstStart) {
            return ShardIteratorType.TRIM_HORIZON.toString(); // a shard that appeared since: read it all
        }
        if (ShardIteratorType.TRIM_HORIZON.toString().equals(source.startingPosition())) {
            return ShardIteratorType.TRIM_HORIZON.toString();
        }
        boolean closed = shard.sequenceNumberRange().endingSequenceNumber() != null;
        String position = closed ? StreamCheckpoints.DONE : StreamCheckpoints.LATEST;
        checkpoints.put(shard.shardId(), position);
        return position;
    }

    private String resumePosition(String shardId) {
        String saved = checkpoints.get(shardId);
        return saved == null ? ShardIteratorType.TRIM_HORIZON.toString() : saved;
    }

    /** A shard iterator for a saved position: LATEST, TRIM_HORIZON, or after a sequence number. */
    private String iterator(String shardId, String position) {
        boolean named = position.equals(ShardIteratorType.LATEST.toString()) || position.equals(ShardIteratorType.TRIM_HORIZON.toString());
        try {
            return streams.getShardIterator(b -> {
                b.streamArn(streamArn).shardId(shardId);
                if (named) {
                    b.shardIteratorType(position);
                } else {
                    b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(position);
                }
            }).shardIterator();
        } catch (DynamoDbException e) { // trimmed or unknown sequence number
            if (named) {
                throw e;
            }
            LOG.warning(() -> source.id() + ": cannot resume " + shardId + " after " + position + " (" + e.getMessage() + "), reading it from TRIM_HORIZON");
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
    }

    private List<Shard> describeShards() {
        List<Shard> shards = new ArrayList<>();
        String lastEvaluated = null;
        for (int page = 0; page < 1000; page++) {
            String start = lastEvaluated;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start)).streamDescription();
            shards.addAll(description.shards());
            lastEvaluated = description.lastEvaluatedShardId();
            if (lastEvaluated == null) {
                break;
            }
        }
        return shards;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    private static final class ShardCursor {
        final String shardId;
        String iterator;

        ShardCursor(String shardId, String iterator) {
            this.shardId = shardId;
            this.iterator = iterator;
        }
    }
}
