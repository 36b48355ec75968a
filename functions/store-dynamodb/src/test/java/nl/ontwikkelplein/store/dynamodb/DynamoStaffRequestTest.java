package nl.ontwikkelplein.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.AuditEntry;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff, sign-in, rate-limit and audit adapters' requests, pinned against a recording
 * loopback endpoint (the contract suites need a real DynamoDB endpoint; these always run).
 */
class DynamoStaffRequestTest {
    private DynamoStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new DynamoStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void anAccountAndItsAddressAreWrittenInOneTransactionThatRefusesTakenKeys() {
        DynamoStaff staff = new DynamoStaff(stub.client, "Editors");
        StaffMember anna = new StaffMember("anna", "anna@bibliotheek.test", "Anna", Role.EDITOR, List.of("bieb"), Instant.parse("2026-01-01T00:00:00Z"), null);
        stub.ok("{}");
        staff.create(anna);
        JsonNode items = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals("STAFF#anna", items.path(0).path("Put").path("Item").path("pk").path("S").asText());
        assertEquals("STAFF", items.path(0).path("Put").path("Item").path("gsi1pk").path("S").asText());
        assertEquals("EMAIL#anna@bibliotheek.test", items.path(1).path("Put").path("Item").path("pk").path("S").asText());
        assertEquals("anna", items.path(1).path("Put").path("Item").path("staffId").path("S").asText());
        for (JsonNode item : items) assertEquals("attribute_not_exists(pk)", item.path("Put").path("ConditionExpression").asText());

        stub.cancelled("None", "ConditionalCheckFailed");
        assertEquals(ConflictException.Reason.DUPLICATE, assertThrows(ConflictException.class, () -> staff.create(anna)).reason());
    }

    @Test
    void aLinkIsUsedByAConditionalDeleteThatReturnsIt() {
        DynamoSignIns signIns = new DynamoSignIns(stub.client, "Editors");
        stub.ok("{\"Attributes\":{\"pk\":{\"S\":\"SIGNIN#h\"},\"staffId\":{\"S\":\"anna\"},\"browserNonceHash\":{\"S\":\"n\"},"
                + "\"createdAt\":{\"S\":\"2026-01-01T00:00:00Z\"},\"expiresAt\":{\"N\":\"1767226500\"}}}");
        assertEquals("anna", signIns.useLink("h", Instant.ofEpochSecond(1767225700)).orElseThrow().staffId());
        JsonNode delete = stub.only("DeleteItem").body();
        assertEquals("SIGNIN#h", delete.path("Key").path("pk").path("S").asText());
        assertEquals("attribute_exists(pk) AND expiresAt > :now", delete.path("ConditionExpression").asText());
        assertEquals("1767225700", delete.path("ExpressionAttributeValues").path(":now").path("N").asText());
        assertEquals("ALL_OLD", delete.path("ReturnValues").asText());

        stub.error("ConditionalCheckFailedException", "The conditional request failed", null);
        assertTrue(signIns.useLink("h", Instant.ofEpochSecond(1767225700)).isEmpty(), "used or expired: no sign-in");
    }

    @Test
    void aRateLimitIsOneAtomicAddPerRequest() {
        DynamoRateLimits limits = new DynamoRateLimits(stub.client, "Editors");
        stub.ok("{\"Attributes\":{\"count\":{\"N\":\"6\"}}}");
        assertFalse(limits.tryAcquire("signin-email:abc", 5, Duration.ofMinutes(15), Instant.parse("2026-05-01T10:07:00Z")));
        JsonNode update = stub.only("UpdateItem").body();
        assertEquals("RATE#signin-email:abc#" + Instant.parse("2026-05-01T10:00:00Z").getEpochSecond(), update.path("Key").path("pk").path("S").asText());
        assertEquals("ADD #count :one SET expiresAt = :expires", update.path("UpdateExpression").asText());
        assertEquals("UPDATED_NEW", update.path("ReturnValues").asText());
    }

    private static String enrolmentItem(String status) {
        return "{\"Item\":{\"pk\":{\"S\":\"SESSION#taalcafe#s1\"},\"sk\":{\"S\":\"ENROL#k1\"},\"offerId\":{\"S\":\"taalcafe\"},"
                + "\"sessionId\":{\"S\":\"s1\"},\"name\":{\"S\":\"Anna\"},\"phone\":{\"S\":\"+31612345678\"},\"status\":{\"S\":\"" + status + "\"},"
                + "\"createdAt\":{\"S\":\"2026-05-01T10:00:00Z\"},\"expiresAt\":{\"N\":\"4102444800\"},\"ticket\":{\"N\":\"4\"}}}";
    }

    @Test
    void aCancellationGivesBackTheSeatOrTheQueuePlaceInOneTransactionOnTheStatusRead() {
        DynamoParticipants participants = new DynamoParticipants(stub.client, "Catalog", "Enrolments");
        stub.ok(enrolmentItem("CONFIRMED")).ok("{}");
        assertEquals(java.util.Optional.of(nl.ontwikkelplein.domain.Enrolment.EnrolmentStatus.CONFIRMED),
                participants.cancel("taalcafe", "s1", "k1", List.of("s1"), Instant.now()));
        JsonNode items = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals("SESSION#taalcafe#s1", items.path(0).path("Update").path("Key").path("pk").path("S").asText());
        assertEquals("ENROL#k1", items.path(0).path("Update").path("Key").path("sk").path("S").asText());
        assertEquals("#status = :was", items.path(0).path("Update").path("ConditionExpression").asText());
        assertEquals("CONFIRMED", items.path(0).path("Update").path("ExpressionAttributeValues").path(":was").path("S").asText());
        assertEquals("OFFER#taalcafe", items.path(1).path("Update").path("Key").path("pk").path("S").asText());
        assertEquals("SESSION#s1", items.path(1).path("Update").path("Key").path("sk").path("S").asText());
        assertEquals("#c > :zero", items.path(1).path("Update").path("ConditionExpression").asText());
        assertEquals("taken", items.path(1).path("Update").path("ExpressionAttributeNames").path("#c").asText());

        stub.requests.clear();
        stub.ok(enrolmentItem("WAITLISTED")).ok("{}");
        participants.cancel("taalcafe", "s1", "k1", List.of("s1"), Instant.now());
        JsonNode queue = stub.only("TransactWriteItems").body().path("TransactItems").path(1).path("Update");
        assertEquals("WAITLIST", queue.path("Key").path("sk").path("S").asText(), "a waiting person held no seat: the queue shortens");
        assertEquals("waiting", queue.path("ExpressionAttributeNames").path("#c").asText());

        stub.ok(enrolmentItem("CONFIRMED")).cancelled("ConditionalCheckFailed", "None").ok(enrolmentItem("CANCELLED"));
        assertTrue(participants.cancel("taalcafe", "s1", "k1", List.of("s1"), Instant.now()).isEmpty(),
                "cancelled meanwhile: read again, nothing left to do");
        stub.ok("{}");
        assertTrue(participants.cancel("taalcafe", "s1", "k1", List.of("s1"), Instant.now()).isEmpty(), "no such enrolment");
    }

    @Test
    void aPromotionIsOneTransactionOnAWaitingPersonAndAFreeSeat() {
        DynamoParticipants participants = new DynamoParticipants(stub.client, "Catalog", "Enrolments");
        nl.ontwikkelplein.domain.Enrolment waiting = new nl.ontwikkelplein.domain.Enrolment("taalcafe", "s1", "k1", "Anna", "+31612345678",
                nl.ontwikkelplein.domain.Enrolment.EnrolmentStatus.WAITLISTED, Instant.now(), Instant.now().plusSeconds(3600), 4, null);
        stub.ok("{}");
        assertEquals(nl.ontwikkelplein.domain.Participants.Promotion.PROMOTED, participants.promote(waiting, List.of("s1"), null, Instant.now()));
        JsonNode items = stub.only("TransactWriteItems").body().path("TransactItems");
        assertEquals(3, items.size());
        assertEquals("#status = :waiting", items.path(0).path("Update").path("ConditionExpression").asText());
        assertEquals("WAITLIST", items.path(1).path("Update").path("Key").path("sk").path("S").asText());
        assertEquals("attribute_exists(#pk) AND #status = :scheduled AND #taken < #seats", items.path(2).path("Update").path("ConditionExpression").asText());
        stub.cancelled("ConditionalCheckFailed", "None", "None");
        assertEquals(nl.ontwikkelplein.domain.Participants.Promotion.NOT_WAITING, participants.promote(waiting, List.of("s1"), null, Instant.now()));
        stub.cancelled("None", "None", "ConditionalCheckFailed");
        assertEquals(nl.ontwikkelplein.domain.Participants.Promotion.NO_SEAT, participants.promote(waiting, List.of("s1"), null, Instant.now()));
    }

    @Test
    void auditEntriesArePutOnceAndReadNewestFirst() {
        DynamoAuditLog audit = new DynamoAuditLog(stub.client, "Audit");
        stub.ok("{}");
        audit.append(new AuditEntry("e1", Instant.ofEpochMilli(1767225600123L), "staff:anna", "Anna", "OFFER", "taalcafe", "bieb", "CHANGED", List.of("title")));
        JsonNode put = stub.only("PutItem").body();
        assertEquals("RECORD#OFFER#taalcafe", put.path("Item").path("pk").path("S").asText());
        assertEquals("1767225600123#e1", put.path("Item").path("sk").path("S").asText());
        assertEquals("ACTOR#staff:anna", put.path("Item").path("gsi1pk").path("S").asText());
        assertEquals("attribute_not_exists(pk)", put.path("ConditionExpression").asText());

        stub.ok("{\"Items\":[]}");
        audit.byActor("staff:anna", 20);
        JsonNode query = stub.only("Query").body();
        assertEquals("gsi1", query.path("IndexName").asText());
        assertFalse(query.path("ScanIndexForward").asBoolean(true));
        assertEquals(20, query.path("Limit").asInt());
    }
}
