package nl.ontwikkelplein.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.contract.ContractData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The DynamoDB adapters as DynamoDB sees them: the real SDK client against a loopback endpoint
 * that records each request and answers with DynamoDB's documented JSON. Pins the key shapes and
 * condition expressions of docs/dynamodb.md, how cancellation reasons become outcomes, and the
 * retries (transaction conflicts by the adapter, throttling by the SDK).
 */
class DynamoRequestTest {
    private static final Instant READ_AT = Instant.parse("2031-03-01T09:00:00Z");
    private DynamoStub stub;
    private DynamoSeats seats;
    private DynamoCatalog catalog;

    @BeforeEach
    void start() throws Exception {
        stub = new DynamoStub();
        seats = new DynamoSeats(stub.client, "Catalog", "Enrolments");
        catalog = new DynamoCatalog(stub.client, "Catalog");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static JsonNode json(String text) {
        try {
            return DynamoStub.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A transaction's actions without its ClientRequestToken, which the SDK makes per call. */
    private static JsonNode actions(DynamoStub.Request request) {
        return request.body().path("TransactItems");
    }

    private static Enrolment enrolment(String sessionId) {
        return new Enrolment("klik-tik", sessionId, "p1", "Anna", "+31612345678", Enrolment.EnrolmentStatus.CONFIRMED,
                Instant.parse("2031-03-01T10:00:00Z"), Instant.parse("2031-06-01T00:00:00Z"));
    }

    private static String session(String status, Integer seatCount, int taken) {
        return "{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\",\"Item\":{"
                + "\"pk\":{\"S\":\"OFFER#klik-tik\"},\"sk\":{\"S\":\"SESSION#s1\"},\"status\":{\"S\":\"" + status + "\"},"
                + (seatCount == null ? "" : "\"seats\":{\"N\":\"" + seatCount + "\"},") + "\"taken\":{\"N\":\"" + taken + "\"}}}";
    }

    @Test
    void aSeatIsOneTransactionOfAGuardedCounterAndAGuardedEnrolment() {
        assertEquals(SeatOutcome.TAKEN, seats.take(enrolment("s1"), 0).outcome());
        JsonNode actions = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals(3, actions.size(), "the seat, the enrolment, the check that nobody waits");

        JsonNode update = actions.get(0).path("Update");
        assertEquals("Catalog", update.path("TableName").asText());
        assertEquals(json("{\"pk\":{\"S\":\"OFFER#klik-tik\"},\"sk\":{\"S\":\"SESSION#s1\"}}"), update.path("Key"));
        assertEquals("SET #taken = #taken + :one", update.path("UpdateExpression").asText());
        assertEquals("attribute_exists(#pk) AND #status = :scheduled AND #taken < #seats", update.path("ConditionExpression").asText());
        assertEquals("seats", update.path("ExpressionAttributeNames").path("#seats").asText(), "seats, since capacity is a reserved word");
        assertEquals("SCHEDULED", update.path("ExpressionAttributeValues").path(":scheduled").path("S").asText());
        assertEquals("ALL_OLD", update.path("ReturnValuesOnConditionCheckFailure").asText(), "the old item tells full from gone");

        JsonNode put = actions.get(1).path("Put");
        assertEquals("Enrolments", put.path("TableName").asText());
        assertEquals("SESSION#klik-tik#s1", put.path("Item").path("pk").path("S").asText());
        assertEquals("ENROL#p1", put.path("Item").path("sk").path("S").asText());
        assertEquals("attribute_not_exists(#pk) OR #status = :cancelled", put.path("ConditionExpression").asText(),
                "a cancelled enrolment of the same person may be replaced");
        JsonNode queue = actions.get(2).path("ConditionCheck");
        assertEquals(json("{\"pk\":{\"S\":\"SESSION#klik-tik#s1\"},\"sk\":{\"S\":\"WAITLIST\"}}"), queue.path("Key"));
        assertEquals("attribute_not_exists(#pk) OR #waiting = :zero", queue.path("ConditionExpression").asText(), "nobody passes the queue");
        assertEquals(String.valueOf(Instant.parse("2031-06-01T00:00:00Z").getEpochSecond()), put.path("Item").path("expiresAt").path("N").asText(),
                "TTL in epoch seconds");
    }

    @Test
    void cancellationReasonsBecomeOutcomes() {
        stub.cancelled(session("SCHEDULED", 10, 10), "None");
        assertEquals(SeatOutcome.FULL, seats.take(enrolment("s1"), 0).outcome());
        stub.cancelled("{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\"}", "None");
        assertEquals(SeatOutcome.SESSION_GONE, seats.take(enrolment("s1"), 0).outcome(), "no old item: the session is not there");
        stub.cancelled(session("CANCELLED", 10, 3), "None");
        assertEquals(SeatOutcome.SESSION_GONE, seats.take(enrolment("s1"), 0).outcome(), "called off");
        stub.cancelled(session("SCHEDULED", null, 0), "None");
        assertEquals(SeatOutcome.SESSION_GONE, seats.take(enrolment("s1"), 0).outcome(), "walk in since");
        stub.cancelled("None", "ConditionalCheckFailed");
        assertEquals(SeatOutcome.ALREADY_ENROLLED, seats.take(enrolment("s1"), 0).outcome());
        stub.cancelled(session("SCHEDULED", 10, 10), "ConditionalCheckFailed");
        assertEquals(SeatOutcome.ALREADY_ENROLLED, seats.take(enrolment("s1"), 0).outcome(), "already enrolled wins over full");

        stub.cancelled("None", "None", "None", "None", "ConditionalCheckFailed");
        assertEquals(SeatOutcome.OFFER_CHANGED, seats.takeAll(enrolment(null), List.of("s1", "s2"), READ_AT, 0).outcome());
        JsonNode actions = stub.requests.get(stub.requests.size() - 1).body().path("TransactItems");
        assertEquals(5, actions.size(), "a seat per lesson, the enrolment, the queue check, the offer check");
        assertEquals("COURSE#klik-tik", actions.get(2).path("Put").path("Item").path("pk").path("S").asText());
        JsonNode check = actions.get(4).path("ConditionCheck");
        assertEquals(json("{\"pk\":{\"S\":\"OFFER#klik-tik\"},\"sk\":{\"S\":\"OFFER\"}}"), check.path("Key"));
        assertEquals("updatedAt = :read", check.path("ConditionExpression").asText());
        assertEquals(READ_AT.toString(), check.path("ExpressionAttributeValues").path(":read").path("S").asText());
        assertEquals(7, stub.requests.size(), "a refusal is never retried");
    }

    @Test
    void whenFullTheWaitlistTakesATicketThenCountsThePersonInWhileItHasRoom() {
        Enrolment anna = new Enrolment("klik-tik", "s1", "p1", "Anna", "+31612345678", Enrolment.EnrolmentStatus.CONFIRMED,
                Instant.parse("2031-03-01T10:00:00Z"), Instant.parse("2031-06-01T00:00:00Z"), 0, "hash1");
        stub.cancelled(session("SCHEDULED", 10, 10), "None", "None", "None")
                .ok("{\"Attributes\":{\"tickets\":{\"N\":\"7\"}}}")
                .ok("{}")
                .ok("{\"Count\":3,\"ScannedCount\":5}");
        assertEquals(new nl.ontwikkelplein.domain.SeatResult(SeatOutcome.WAITLISTED, 3), seats.take(anna, 20));
        JsonNode ticket = stub.only("UpdateItem").body();
        assertEquals("SESSION#klik-tik#s1", ticket.path("Key").path("pk").path("S").asText());
        assertEquals("WAITLIST", ticket.path("Key").path("sk").path("S").asText());
        assertEquals("ADD #tickets :one SET #expiresAt = :expires", ticket.path("UpdateExpression").asText());
        JsonNode queue = stub.requests.get(2).body().path("TransactItems");
        assertEquals(4, queue.size(), "the queue, the enrolment, its link, the session check");
        assertEquals("attribute_not_exists(#waiting) OR #waiting < :limit", queue.get(0).path("Update").path("ConditionExpression").asText());
        assertEquals("20", queue.get(0).path("Update").path("ExpressionAttributeValues").path(":limit").path("N").asText());
        assertEquals("WAITLISTED", queue.get(1).path("Put").path("Item").path("status").path("S").asText());
        assertEquals("7", queue.get(1).path("Put").path("Item").path("ticket").path("N").asText());
        assertEquals("MANAGE#hash1", queue.get(2).path("Put").path("Item").path("pk").path("S").asText());
        assertEquals("attribute_exists(#pk) AND #status = :scheduled AND attribute_exists(#seats)",
                queue.get(3).path("ConditionCheck").path("ConditionExpression").asText());
        JsonNode count = stub.requests.get(3).body();
        assertEquals("COUNT", count.path("Select").asText());
        assertEquals("#status = :waiting AND ticket <= :ticket", count.path("FilterExpression").asText());
        assertTrue(count.path("ConsistentRead").asBoolean());

        stub.cancelled(session("SCHEDULED", 10, 10), "None", "None", "None").ok("{\"Attributes\":{\"tickets\":{\"N\":\"8\"}}}")
                .cancelled("ConditionalCheckFailed", "None", "None", "None");
        assertEquals(SeatOutcome.FULL, seats.take(anna, 20).outcome(), "the queue is at its maximum");
    }

    @Test
    void transactionConflictsAreRetriedWithTheSameRequest() {
        stub.cancelled("TransactionConflict", "None").cancelled("None", "TransactionConflict");
        assertEquals(SeatOutcome.TAKEN, seats.take(enrolment("s1"), 0).outcome());
        assertEquals(3, stub.requests.size());
        assertEquals(actions(stub.requests.get(0)), actions(stub.requests.get(2)), "the retry sends the same transaction");
        // A new call, so a new idempotency token: a cancelled transaction was not applied.
        assertFalse(stub.requests.get(0).body().path("ClientRequestToken").asText().equals(stub.requests.get(2).body().path("ClientRequestToken").asText()));
    }

    @Test
    void endlessConflictsGiveUpAfterTheLastAttempt() {
        for (int i = 0; i < Transactions.MAX_ATTEMPTS + 2; i++) stub.cancelled("TransactionConflict", "None");
        assertThrows(TransactionCanceledException.class, () -> seats.take(enrolment("s1"), 0).outcome());
        assertEquals(Transactions.MAX_ATTEMPTS, stub.requests.size());
    }

    @Test
    void throttlingIsRetriedByTheSdk() {
        stub.error("ThrottlingException", "Rate of requests exceeds the allowed throughput.", null)
                .error("ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.", null);
        assertEquals(SeatOutcome.TAKEN, seats.take(enrolment("s1"), 0).outcome());
        assertEquals(3, stub.requests.size());
        assertEquals(stub.requests.get(0).raw(), stub.requests.get(2).raw(),
                "the SDK's own retries are byte-identical, idempotency token included: a lost answer never takes two seats");
    }

    @Test
    void anOfferIsReadWithOneConsistentQueryOfItsPartition() {
        stub.ok("{\"Count\":2,\"ScannedCount\":2,\"Items\":["
                + "{\"pk\":{\"S\":\"OFFER#klik-tik\"},\"sk\":{\"S\":\"OFFER\"},\"id\":{\"S\":\"klik-tik\"},\"organisationId\":{\"S\":\"bieb\"},"
                + "\"title\":{\"S\":\"Klik & Tik\"},\"priceCents\":{\"N\":\"0\"},\"format\":{\"S\":\"IN_PERSON\"},\"enrolmentScope\":{\"S\":\"PER_SESSION\"}},"
                + "{\"pk\":{\"S\":\"OFFER#klik-tik\"},\"sk\":{\"S\":\"SESSION#s1\"},\"id\":{\"S\":\"s1\"},\"start\":{\"S\":\"2031-03-04T10:00\"},"
                + "\"end\":{\"S\":\"2031-03-04T12:00\"},\"locationId\":{\"S\":\"tak\"},\"seats\":{\"N\":\"8\"},\"taken\":{\"N\":\"3\"},\"status\":{\"S\":\"SCHEDULED\"}}]}");
        Offer offer = catalog.offer("klik-tik").orElseThrow();
        assertEquals("Klik & Tik", offer.title());
        assertEquals(List.of(new Session("s1", LocalDateTime.parse("2031-03-04T10:00"), LocalDateTime.parse("2031-03-04T12:00"), "tak", 8, 3,
                Session.SessionStatus.SCHEDULED)), offer.sessions());
        JsonNode query = stub.only("Query").body();
        assertTrue(query.path("ConsistentRead").asBoolean(), "seats are decided on consistent reads");
        assertFalse(query.has("IndexName"));
        assertEquals("#pk = :pk", query.path("KeyConditionExpression").asText());
        assertEquals("OFFER#klik-tik", query.path("ExpressionAttributeValues").path(":pk").path("S").asText());
    }

    @Test
    void theAgendaQueriesMonthPartitionsOfTheIndexFromNow() {
        catalog.upcoming(Instant.parse("2031-03-15T08:00:00Z"), 10);
        List<DynamoStub.Request> queries = stub.requests.stream().filter(r -> r.operation().equals("Query")).toList();
        assertEquals(13, queries.size(), "thirteen empty months");
        assertEquals("gsi1", queries.get(0).body().path("IndexName").asText());
        assertEquals("#pk = :pk AND #sk >= :from", queries.get(0).body().path("KeyConditionExpression").asText());
        assertEquals("AGENDA#2031-03", queries.get(0).body().path("ExpressionAttributeValues").path(":pk").path("S").asText());
        assertEquals("2031-03-15T08:00:00Z", queries.get(0).body().path("ExpressionAttributeValues").path(":from").path("S").asText());
        assertEquals("AGENDA#2032-03", queries.get(12).body().path("ExpressionAttributeValues").path(":pk").path("S").asText());
    }

    @Test
    void anOfferIsCreatedOnlyWhereNoneIsAndARefusedUpdateSaysWhichRuleBroke() {
        Offer offer = ContractData.offer("bieb", EnrolmentScope.PER_SESSION,
                List.of(new Session("s1", LocalDateTime.parse("2031-03-04T10:00"), LocalDateTime.parse("2031-03-04T12:00"), "tak", 8, 0, null)));
        stub.cancelled("ConditionalCheckFailed", "None");
        ConflictException exists = assertThrows(ConflictException.class, () -> catalog.createOffer(offer));
        assertEquals(ConflictException.Reason.OFFER_EXISTS, exists.reason());
        JsonNode create = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals("attribute_not_exists(#pk)", create.get(0).path("Put").path("ConditionExpression").asText());
        assertEquals("ORG#bieb#OFFERS", create.get(0).path("Put").path("Item").path("gsi1pk").path("S").asText());
        assertEquals("AGENDA#2031-03", create.get(1).path("Update").path("ExpressionAttributeValues").path(":f0").path("S").asText());

        // updateOffer reads the offer first (an empty answer means: not there), so script that read.
        String stored = "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"OFFER#" + offer.id() + "\"},\"sk\":{\"S\":\"OFFER\"},\"id\":{\"S\":\"" + offer.id()
                + "\"},\"organisationId\":{\"S\":\"bieb\"},\"title\":{\"S\":\"Oud\"},\"priceCents\":{\"N\":\"0\"}},"
                + "{\"pk\":{\"S\":\"OFFER#" + offer.id() + "\"},\"sk\":{\"S\":\"SESSION#s1\"},\"id\":{\"S\":\"s1\"},\"start\":{\"S\":\"2031-03-04T10:00\"},"
                + "\"end\":{\"S\":\"2031-03-04T12:00\"},\"locationId\":{\"S\":\"tak\"},\"seats\":{\"N\":\"8\"},\"taken\":{\"N\":\"5\"},\"status\":{\"S\":\"SCHEDULED\"}}]}";
        stub.ok(stored).cancelled("None", "ConditionalCheckFailed");
        assertEquals(ConflictException.Reason.SEATS_BELOW_TAKEN, assertThrows(ConflictException.class, () -> catalog.updateOffer(offer)).reason());
        stub.ok(stored).cancelled("{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\"}", "None");
        assertEquals(ConflictException.Reason.OFFER_GONE, assertThrows(ConflictException.class, () -> catalog.updateOffer(offer)).reason(),
                "no old item: removed meanwhile");
        stub.ok(stored).cancelled("{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\",\"Item\":{"
                + "\"pk\":{\"S\":\"OFFER#" + offer.id() + "\"},\"sk\":{\"S\":\"OFFER\"},\"updatedAt\":{\"S\":\"2031-03-02T00:00:00Z\"}}}", "None");
        assertEquals(ConflictException.Reason.CHANGED_MEANWHILE, assertThrows(ConflictException.class, () -> catalog.updateOffer(offer)).reason(),
                "the old item says it was changed after the read its removals come from");
        JsonNode put = stub.requests.get(stub.requests.size() - 1).body().path("TransactItems").get(0).path("Put");
        assertEquals("attribute_exists(#pk) AND attribute_not_exists(#updatedAt)", put.path("ConditionExpression").asText(),
                "the stored offer had no updatedAt");
        assertEquals("ALL_OLD", put.path("ReturnValuesOnConditionCheckFailure").asText());
        stub.ok(stored).cancelled("None", "ConditionalCheckFailed");
        ConflictException removed = assertThrows(ConflictException.class, () -> catalog.updateOffer(offer.withSessions(List.of())));
        assertEquals(ConflictException.Reason.SESSION_HAS_ENROLMENTS, removed.reason());
        JsonNode delete = stub.requests.get(stub.requests.size() - 1).body().path("TransactItems").get(1).path("Delete");
        assertEquals("attribute_not_exists(taken) OR taken = :zero", delete.path("ConditionExpression").asText());
    }

    @Test
    void anImportRunThatMeetsAnotherReadsAgainInsteadOfFailing() {
        Offer offer = ContractData.offer("bieb", EnrolmentScope.PER_SESSION, List.of());
        Offer imported = new Offer(offer.id(), offer.organisationId(), offer.title(), null, null, null, null, List.of(), List.of(), null, null,
                null, null, null, new Offer.Source("feed", "x", "hash-2"), READ_AT, List.of());
        String item = "{\"Item\":{\"pk\":{\"S\":\"OFFER#" + offer.id() + "\"},\"sk\":{\"S\":\"OFFER\"},\"id\":{\"S\":\"" + offer.id()
                + "\"},\"organisationId\":{\"S\":\"bieb\"},\"title\":{\"S\":\"Oud\"},\"contentHash\":{\"S\":\"hash-2\"}}}";
        // Not there when read, there when created (the other run was first), and by then the same.
        stub.ok("{}").cancelled("ConditionalCheckFailed").ok(item);
        assertFalse(catalog.upsertImported(imported), "unchanged after all: nothing written");
        assertEquals(List.of("GetItem", "TransactWriteItems", "GetItem"), stub.requests.stream().map(DynamoStub.Request::operation).toList());
    }

    @Test
    void editorTokensAreOneItemPerHashWrittenOnce() {
        DynamoEditorTokens tokens = new DynamoEditorTokens(stub.client, "Editors");
        Editor editor = new Editor("Anna", Role.ADMIN, List.of(), Instant.parse("2031-01-01T00:00:00Z"), null);
        String hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        tokens.save(hash, editor);
        JsonNode put = stub.only("PutItem").body();
        assertEquals("TOKEN#" + hash, put.path("Item").path("pk").path("S").asText());
        assertEquals("TOKEN", put.path("Item").path("sk").path("S").asText());
        assertEquals("TOKENS", put.path("Item").path("gsi1pk").path("S").asText(), "listed for admins");
        assertEquals("0123456789abcdef", put.path("Item").path("tokenId").path("S").asText());
        assertEquals("attribute_not_exists(pk)", put.path("ConditionExpression").asText());

        stub.error("ConditionalCheckFailedException", "The conditional request failed", null);
        assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class, () -> tokens.save(hash, editor)).reason());

        assertTrue(tokens.findByTokenHash("nothing").isEmpty());
        JsonNode get = stub.only("GetItem").body();
        assertTrue(get.path("ConsistentRead").asBoolean());
        assertEquals(json("{\"pk\":{\"S\":\"TOKEN#nothing\"},\"sk\":{\"S\":\"TOKEN\"}}"), get.path("Key"));
    }
}
