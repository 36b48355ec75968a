package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.AuditEntry;
import org.junit.jupiter.api.Test;

/** What every {@link nl.ontwikkelplein.domain.AuditLog} adapter promises. */
public abstract class AuditLogContract extends StoreContract {

    @Test
    void entriesAreReadPerRecordAndPerActorNewestFirst() {
        String offer = id("offer"), anna = "staff:" + id("anna"), bert = "token:" + id("bert");
        Instant t = Instant.parse("2026-04-01T08:00:00.123Z");
        AuditEntry created = new AuditEntry(id("e"), t, anna, "Anna", "OFFER", offer, "bibliotheek-a", "CREATED", List.of("title", "sessions"));
        AuditEntry changed = new AuditEntry(id("e"), t.plusSeconds(60), bert, "Koppeling", "OFFER", offer, "bibliotheek-a", "CHANGED", List.of("summary"));
        AuditEntry elsewhere = new AuditEntry(id("e"), t.plusSeconds(120), anna, "Anna", "LOCATION", id("loc"), null, "CHANGED", List.of());
        stores.audit().append(created);
        stores.audit().append(changed);
        stores.audit().append(elsewhere);
        assertEquals(List.of(changed, created), stores.audit().forRecord("OFFER", offer, 10));
        assertEquals(List.of(changed), stores.audit().forRecord("OFFER", offer, 1));
        assertEquals(List.of(elsewhere, created), stores.audit().byActor(anna, 10));
        assertEquals(List.of(), stores.audit().forRecord("OFFER", id("none"), 10));
    }
}
