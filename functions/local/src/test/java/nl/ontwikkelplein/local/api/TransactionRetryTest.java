package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.local.LocalConfig;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.store.DynamoSeats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Real DynamoDB cancels concurrent transactions on one item with TransactionConflict; DynamoDB
 * Local never does. A client that injects that answer before the real call proves the retry.
 */
@LocalStackTest
class TransactionRetryTest {
    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.organisationAndLocation(stack);
    }

    /** Fails the first {@code conflicts} transactions the way DynamoDB does, then lets calls through. */
    static DynamoDbClient conflicting(int conflicts, AtomicInteger attempts) {
        ExecutionInterceptor inject = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (!(context.request() instanceof TransactWriteItemsRequest)) return;
                if (attempts.incrementAndGet() <= conflicts) {
                    throw TransactionCanceledException.builder().message("Transaction cancelled (injected)")
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").serviceName("DynamoDb").build())
                            .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build(),
                                    CancellationReason.builder().code("None").build()).build();
                }
            }
        };
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(stack.config().dynamoUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalConfig.ACCESS_KEY, LocalConfig.SECRET_KEY)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(inject).retryStrategy(r -> r.maxAttempts(1))).build();
    }

    private static Enrolment enrolment(Offer offer, String person) {
        Instant now = Instant.now();
        return new Enrolment(offer.id(), offer.sessions().get(0).id(), person, "Test", "+31612345678",
                Enrolment.EnrolmentStatus.CONFIRMED, now, now.plusSeconds(3600));
    }

    @Test
    void conflictsAreRetriedAndTheSeatIsTakenOnce() {
        Offer offer = Fixtures.offer(stack, "Retry", 5, 4);
        AtomicInteger attempts = new AtomicInteger();
        SeatOutcome outcome = new DynamoSeats(conflicting(3, attempts), "CatalogTable", "EnrolmentsTable").take(enrolment(offer, "p1"));
        assertEquals(SeatOutcome.TAKEN, outcome);
        assertEquals(4, attempts.get());
        assertEquals(1, Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(0).taken());
    }

    @Test
    void endlessConflictsGiveUpWithoutTakingASeat() {
        Offer offer = Fixtures.offer(stack, "Retry forever", 5, 4);
        AtomicInteger attempts = new AtomicInteger();
        DynamoSeats seats = new DynamoSeats(conflicting(Integer.MAX_VALUE, attempts), "CatalogTable", "EnrolmentsTable");
        assertThrows(TransactionCanceledException.class, () -> seats.take(enrolment(offer, "p2")));
        assertEquals(6, attempts.get());
        assertEquals(0, Fixtures.catalog(stack).offer(offer.id()).orElseThrow().sessions().get(0).taken());
    }
}
