package nl.ontwikkelplein.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentPolicy;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.domain.Participants;
import nl.ontwikkelplein.domain.SeatOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox, referral and intake requests, pinned against a recording loopback endpoint: the
 * DynamoDB contract suites need a real endpoint, these always run.
 */
class DynamoMessagesRequestTest {
    private static final Instant NOW = Instant.parse("2031-03-01T10:00:00Z");
    private DynamoStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new DynamoStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static Enrolment enrolment(Enrolment.EnrolmentStatus status, long ticket, Enrolment.Referral referral) {
        return new Enrolment("taalcafe", "s1", "k1", "Anna", "+31612345678", status, NOW, NOW.plusSeconds(86400 * 90), ticket, "hash1",
                null, false, referral);
    }

    @Test
    void aMessageIsPutOncePerKeyAndClaimedOnlyWhilePending() {
        DynamoOutbox outbox = new DynamoOutbox(stub.client, "Enrolments");
        Message m = Message.of("bieb", Message.Kind.PROMOTED, enrolment(Enrolment.EnrolmentStatus.CONFIRMED, 0, null), "ticket 3", null, NOW);
        stub.ok("{}");
        assertTrue(outbox.add(m));
        JsonNode put = stub.only("PutItem").body();
        assertEquals("MSGS#bieb", put.path("Item").path("pk").path("S").asText());
        assertEquals("MSG#" + m.key(), put.path("Item").path("sk").path("S").asText());
        assertEquals("attribute_not_exists(pk)", put.path("ConditionExpression").asText(), "the key is the idempotency key");
        assertFalse(put.path("Item").has("name") || put.path("Item").has("phone") || put.path("Item").has("email"), "no personal data in a message");
        assertEquals(String.valueOf(NOW.plusSeconds(86400 * 90).getEpochSecond()), put.path("Item").path("expiresAt").path("N").asText(),
                "deleted with its enrolment");

        stub.error("ConditionalCheckFailedException", "The conditional request failed", null);
        assertFalse(outbox.add(m), "the same event again");

        stub.requests.clear();
        stub.ok("{}");
        assertTrue(outbox.claim("bieb", m.key(), NOW));
        JsonNode claim = stub.only("UpdateItem").body();
        assertEquals("#status = :pending", claim.path("ConditionExpression").asText());
        assertEquals("SET #status = :sending, attempts = attempts + :one, updatedAt = :now", claim.path("UpdateExpression").asText());
        stub.error("ConditionalCheckFailedException", "The conditional request failed", null);
        assertFalse(outbox.claim("bieb", m.key(), NOW), "another sender has it");

        stub.requests.clear();
        stub.ok("{}");
        outbox.settle("bieb", m.key(), Message.Status.FAILED, Enrolment.Channel.SMS, "MailException", NOW);
        JsonNode settle = stub.only("UpdateItem").body();
        assertEquals("#status = :sending", settle.path("ConditionExpression").asText(), "only the sender that claimed it settles it");
        assertEquals("MailException", settle.path("ExpressionAttributeValues").path(":error").path("S").asText());
    }

    @Test
    void theCallListIsOneQueryOfTheOrganisationsPartition() {
        DynamoOutbox outbox = new DynamoOutbox(stub.client, "Enrolments");
        stub.ok("{\"Items\":[],\"Count\":0}");
        assertTrue(outbox.forStaff("bieb", 50).isEmpty());
        JsonNode query = stub.only("Query").body();
        assertEquals("MSGS#bieb", query.path("ExpressionAttributeValues").path(":pk").path("S").asText());
        assertEquals("#status IN (:call, :called, :failed)", query.path("FilterExpression").asText());
        assertTrue(query.path("ConsistentRead").asBoolean());
    }

    @Test
    void aReferralIsListedThroughGsi1AndAnEnrolmentCarriesItsReferrer() {
        DynamoSeats seats = new DynamoSeats(stub.client, "Catalog", "Enrolments");
        stub.ok("{}");
        assertEquals(SeatOutcome.TAKEN, seats.take(enrolment(Enrolment.EnrolmentStatus.CONFIRMED, 0,
                new Enrolment.Referral("staff:fatima", "Fatima (Taalhuis)", "Uitgelegd wat het is.")), null).outcome());
        JsonNode item = stub.only("TransactWriteItems").body().path("TransactItems").get(1).path("Put").path("Item");
        assertEquals("REFERRER#staff:fatima", item.path("gsi1pk").path("S").asText());
        assertTrue(item.path("gsi1sk").path("S").asText().startsWith(NOW.toString()));
        assertEquals("Uitgelegd wat het is.", item.path("consentNote").path("S").asText());

        stub.requests.clear();
        DynamoParticipants participants = new DynamoParticipants(stub.client, "Catalog", "Enrolments");
        stub.ok("{\"Items\":[],\"Count\":0}");
        participants.referredBy("staff:fatima", 20);
        JsonNode query = stub.only("Query").body();
        assertEquals("gsi1", query.path("IndexName").asText());
        assertFalse(query.path("ScanIndexForward").asBoolean(true), "newest first");
    }

    @Test
    void aRequestWithoutASeatTakesNoneAndAcceptingItTakesOneInTheSameTransaction() {
        DynamoSeats seats = new DynamoSeats(stub.client, "Catalog", "Enrolments");
        stub.ok("{}");
        assertEquals(SeatOutcome.REQUESTED, seats.enrol(enrolment(Enrolment.EnrolmentStatus.CONFIRMED, 0, null),
                new EnrolmentPolicy(null, true, false)).outcome());
        JsonNode actions = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals(3, actions.size(), "the request, its link, the session check: no seat counter");
        assertEquals("REQUESTED", actions.get(0).path("Put").path("Item").path("status").path("S").asText());
        assertEquals("-1", actions.get(0).path("Put").path("Item").path("ticket").path("N").asText());
        assertTrue(actions.get(2).has("ConditionCheck"));

        stub.requests.clear();
        DynamoParticipants participants = new DynamoParticipants(stub.client, "Catalog", "Enrolments");
        String item = "{\"Item\":{\"pk\":{\"S\":\"SESSION#taalcafe#s1\"},\"sk\":{\"S\":\"ENROL#k1\"},\"offerId\":{\"S\":\"taalcafe\"},"
                + "\"sessionId\":{\"S\":\"s1\"},\"name\":{\"S\":\"Anna\"},\"phone\":{\"S\":\"+31612345678\"},\"status\":{\"S\":\"REQUESTED\"},"
                + "\"createdAt\":{\"S\":\"2031-03-01T10:00:00Z\"},\"expiresAt\":{\"N\":\"4102444800\"},\"ticket\":{\"N\":\"-1\"}}}";
        stub.ok(item).ok("{}");
        assertEquals(Participants.Promotion.PROMOTED, participants.accept("taalcafe", "s1", "k1", List.of("s1"), NOW));
        JsonNode accept = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals(2, accept.size(), "the status change and the seat, together");
        assertEquals("#status = :requested AND ticket = :ticket", accept.get(0).path("Update").path("ConditionExpression").asText());
        assertEquals("attribute_exists(#pk) AND #status = :scheduled AND #taken < #seats", accept.get(1).path("Update").path("ConditionExpression").asText());
        stub.ok(item).cancelled("None", "ConditionalCheckFailed");
        assertEquals(Participants.Promotion.NO_SEAT, participants.accept("taalcafe", "s1", "k1", List.of("s1"), NOW), "full");
    }
}
