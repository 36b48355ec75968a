package nl.ontwikkelplein.store.dynamodb;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems with the retry that real DynamoDB needs: concurrent transactions on the same
 * item are cancelled with TransactionConflict and succeed when tried again. A broken condition
 * is the caller's business and is never retried.
 */
final class Transactions {
    static final int MAX_ATTEMPTS = 6;

    private Transactions() {}

    static void write(DynamoDbClient dynamo, List<TransactWriteItem> writes, Consumer<List<CancellationReason>> onConditionFailed) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (DynamoCatalog.isConditionFailure(e)) {
                    onConditionFailed.accept(reasons);
                    throw e; // the handler is expected to throw a domain exception
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || attempt >= MAX_ATTEMPTS) throw e;
                backOff(attempt);
            }
        }
    }

    /** Full jitter: spreads the retries of competing requests apart. */
    static void backOff(int attempt) {
        long cap = Math.min(1000, 20L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
