package nl.ontwikkelplein.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.ContractData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every committed change, and only those, lands in the change log with the DynamoDB item's key. */
class ChangeLogTest {
    private SqliteFixture fixture;
    private Stores stores;
    private ChangeLog log;

    @BeforeEach
    void open() throws Exception {
        fixture = new SqliteFixture();
        stores = fixture.stores();
        log = new ChangeLog(fixture.database, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private List<String> events(String table) {
        return log.after(table, 0, 1000).stream().map(c -> c.eventName() + " " + c.keys()).toList();
    }

    @Test
    void catalogChangesAreLoggedWithTheirItemKeysInCommitOrder() {
        stores.catalog().saveOrganisation(new Organisation("bieb", "Bieb", null));
        stores.catalog().saveOrganisation(new Organisation("bieb", "Bieb", null)); // unchanged: no record, as DynamoDB Streams
        stores.catalog().saveOrganisation(new Organisation("bieb", "Bieb Noord", null));
        stores.catalog().saveLocation(new Location("tak", "bieb", "Tak", null, null, null, null));
        Session s = new Session("s1", LocalDateTime.of(2031, 1, 1, 10, 0), LocalDateTime.of(2031, 1, 1, 12, 0), "tak", 5, 0, null);
        Offer offer = ContractData.offer("bieb", EnrolmentScope.PER_SESSION, List.of(s));
        stores.catalog().createOffer(offer);
        assertEquals(SeatOutcome.TAKEN, stores.seats().take(ContractData.enrolment(offer, "s1", "p1"), 0).outcome());
        stores.catalog().updateOffer(offer); // written unchanged: no record
        String offerKey = "{\"pk\":{\"S\":\"OFFER#" + offer.id() + "\"},\"sk\":{\"S\":";

        assertEquals(List.of(
                "INSERT {\"pk\":{\"S\":\"ORG#bieb\"},\"sk\":{\"S\":\"ORG\"}}",
                "MODIFY {\"pk\":{\"S\":\"ORG#bieb\"},\"sk\":{\"S\":\"ORG\"}}",
                "INSERT {\"pk\":{\"S\":\"LOC#tak\"},\"sk\":{\"S\":\"LOC\"}}",
                "INSERT " + offerKey + "\"OFFER\"}}",
                "INSERT " + offerKey + "\"SESSION#s1\"}}",
                "MODIFY " + offerKey + "\"SESSION#s1\"}}"), events(SqliteStores.CATALOG_TABLE));
        assertEquals(List.of("INSERT {\"pk\":{\"S\":\"SESSION#" + offer.id() + "#s1\"},\"sk\":{\"S\":\"ENROL#p1\"}}"),
                events(SqliteStores.ENROLMENTS_TABLE), "the enrolment's key holds no personal data");

        List<ChangeLog.Change> all = log.after(SqliteStores.CATALOG_TABLE, 0, 1000);
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i).sequenceNumber() > all.get(i - 1).sequenceNumber());
        assertEquals(all.subList(2, all.size()), log.after(SqliteStores.CATALOG_TABLE, all.get(1).sequenceNumber(), 1000));
        assertEquals(all.subList(0, 2), log.after(SqliteStores.CATALOG_TABLE, 0, 2));
    }

    @Test
    void aRefusedChangeLeavesNoTrace() {
        Offer offer = ContractData.storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String session = offer.sessions().get(0).id();
        stores.seats().take(ContractData.enrolment(offer, session, "p1"), 0);
        long before = log.latest();
        assertEquals(SeatOutcome.FULL, stores.seats().take(ContractData.enrolment(offer, session, "p2"), 0).outcome());
        assertThrows(ConflictException.class, () -> stores.catalog().updateOffer(offer.withSessions(List.of())));
        assertThrows(ConflictException.class, () -> stores.catalog().createOffer(offer));
        assertEquals(before, log.latest(), "nothing was written, so nothing was logged");
    }

    @Test
    void positionsAreKeptPerConsumer() {
        assertTrue(log.position("SiteBuilderFunction.CatalogChanges").isEmpty());
        log.savePosition("SiteBuilderFunction.CatalogChanges", 41);
        log.savePosition("SiteBuilderFunction.CatalogChanges", 42);
        assertEquals(42, log.position("SiteBuilderFunction.CatalogChanges").getAsLong());
    }

    @Test
    void recordsOlderThanTheStreamRetentionAreTrimmed() {
        Instant old = Instant.now().minusSeconds(ChangeLog.RETENTION_SECONDS + 60);
        new ChangeLog(fixture.database, Clock.fixed(old, ZoneOffset.UTC)).append("T", "INSERT", ChangeLog.keys("a", null), null, null, false);
        log.append("T", "INSERT", ChangeLog.keys("b", null), "{\"pk\":{\"S\":\"b\"}}", null, false);
        assertEquals(1, log.trim());
        List<ChangeLog.Change> left = log.after("T", 0, 10);
        assertEquals(1, left.size());
        assertEquals("{\"pk\":{\"S\":\"b\"}}", left.get(0).keys());
        assertEquals("{\"pk\":{\"S\":\"b\"}}", left.get(0).newImage());
        assertEquals(left.get(0).sequenceNumber(), log.oldest("T").getAsLong());
    }

    @Test
    void enrolmentsKeepTheirExpiry() {
        Offer offer = ContractData.storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 3);
        Enrolment e = ContractData.enrolment(offer, offer.sessions().get(0).id(), "p1");
        stores.seats().take(e, 0);
        long expires = fixture.database.read(c -> {
            try (var p = c.prepareStatement("SELECT expires_at FROM enrolments WHERE person_key = 'p1'"); var r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        assertEquals(e.expiresAt().getEpochSecond(), expires);
    }

    @Test
    void whatCouldNotBeDeliveredIsRefusedAndNothingOfTheBatchIsWritten() {
        long before = log.latest();
        String good = ChangeLog.keys("a", "b");
        for (ChangeLog.Entry bad : List.of(
                new ChangeLog.Entry("T", "UPSERT", good, null, null, false),
                new ChangeLog.Entry("T", "INSERT", "{\"pk\":", null, null, false),
                new ChangeLog.Entry("T", "INSERT", "[1,2]", null, null, false),
                new ChangeLog.Entry("T", "INSERT", null, null, null, false),
                new ChangeLog.Entry("T", "INSERT", good, "\u0000<script>", null, false),
                new ChangeLog.Entry("", "INSERT", good, null, null, false))) {
            assertThrows(IllegalArgumentException.class, () -> log.appendAll(List.of(new ChangeLog.Entry("T", "INSERT", good, null, null, false), bad)),
                    bad.toString());
        }
        assertEquals(before, log.latest());
        String hostile = "{\"pk\":{\"S\":\"<script>alert(1)</script>'; DROP TABLE change_log; --\"}}";
        log.append("T", "INSERT", hostile, null, null, false);
        assertEquals(hostile, log.after("T", before, 1).get(0).keys(), "stored as given, never executed");
    }
}
