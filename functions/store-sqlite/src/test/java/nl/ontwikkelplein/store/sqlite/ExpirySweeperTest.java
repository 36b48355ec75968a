package nl.ontwikkelplein.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.ContractData;
import org.junit.jupiter.api.Test;

/** Personal data goes when its time is up, and the removal shows in the change log as a TTL deletion. */
class ExpirySweeperTest {

    private static int count(SqliteDatabase db, String table) {
        return db.read(c -> {
            try (var p = c.prepareStatement("SELECT count(*) FROM " + table); var r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @Test
    void expiredEnrolmentsAndTokensAreDeletedAndRecordedAsRemovedByTheService() throws Exception {
        try (SqliteFixture fixture = new SqliteFixture()) {
            Stores stores = fixture.stores();
            Offer offer = ContractData.storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10);
            String session = offer.sessions().get(0).id();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            stores.seats().take(enrolment(offer, session, "gone", now.minusSeconds(1)), 0);
            stores.seats().take(enrolment(offer, session, "kept", now.plusSeconds(3600)), 0);
            stores.editorTokens().save("expired-hash-0000000000000000", new Editor("Oud", Role.ADMIN, List.of(), now.minusSeconds(99), now.minusSeconds(1)));
            stores.editorTokens().save("forever-hash-0000000000000000", new Editor("Altijd", Role.ADMIN, List.of(), now, null));
            stores.signIns().saveLink(new nl.ontwikkelplein.domain.SignInLink("old-link", "anna", "nonce", now.minusSeconds(900), now.minusSeconds(1)));
            stores.signIns().saveSession(new nl.ontwikkelplein.domain.StaffSession("old-session", "anna", now.minusSeconds(99), now.minusSeconds(99), now.minusSeconds(1)));
            stores.signIns().saveSession(new nl.ontwikkelplein.domain.StaffSession("live-session", "anna", now, now, now.plusSeconds(3600)));
            ChangeLog log = new ChangeLog(fixture.database, Clock.systemUTC());
            long before = log.latest();

            ExpirySweeper.Swept swept = new ExpirySweeper(fixture.database, Clock.fixed(now, ZoneOffset.UTC),
                    SqliteStores.ENROLMENTS_TABLE, SqliteStores.EDITORS_TABLE).sweep();

            assertEquals(1, swept.enrolments());
            assertEquals(1, swept.editorTokens());
            assertEquals(2, swept.signIns(), "the expired link and session");
            assertTrue(stores.signIns().session("live-session").isPresent());
            assertTrue(stores.signIns().session("old-session").isEmpty());
            assertEquals(1, count(fixture.database, "enrolments"));
            assertTrue(stores.editorTokens().findByTokenHash("expired-hash-0000000000000000").isEmpty());
            assertTrue(stores.editorTokens().findByTokenHash("forever-hash-0000000000000000").isPresent());
            List<ChangeLog.Change> enrolments = log.after(SqliteStores.ENROLMENTS_TABLE, before, 10);
            assertEquals(1, enrolments.size());
            assertEquals("REMOVE", enrolments.get(0).eventName());
            assertTrue(enrolments.get(0).byService());
            assertEquals("{\"pk\":{\"S\":\"SESSION#" + offer.id() + "#" + session + "\"},\"sk\":{\"S\":\"ENROL#gone\"}}", enrolments.get(0).keys());
            List<ChangeLog.Change> tokens = log.after(SqliteStores.EDITORS_TABLE, before, 10);
            assertEquals(List.of("REMOVE {\"pk\":{\"S\":\"TOKEN#expired-hash-0000000000000000\"},\"sk\":{\"S\":\"TOKEN\"}}",
                            "REMOVE {\"pk\":{\"S\":\"SIGNIN#old-link\"},\"sk\":{\"S\":\"SIGNIN\"}}",
                            "REMOVE {\"pk\":{\"S\":\"SESSION#old-session\"},\"sk\":{\"S\":\"SESSION\"}}"),
                    tokens.stream().map(c -> c.eventName() + " " + c.keys()).toList());

            assertEquals(new ExpirySweeper.Swept(0, 0, 0, 0), new ExpirySweeper(fixture.database, Clock.fixed(now, ZoneOffset.UTC),
                    SqliteStores.ENROLMENTS_TABLE, SqliteStores.EDITORS_TABLE).sweep(), "a second sweep finds nothing");
        }
    }

    private static Enrolment enrolment(Offer offer, String session, String person, Instant expiresAt) {
        return new Enrolment(offer.id(), session, person, "Anna", "+31612345678", Enrolment.EnrolmentStatus.CONFIRMED, Instant.now(), expiresAt);
    }
}
