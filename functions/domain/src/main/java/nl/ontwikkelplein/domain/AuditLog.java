package nl.ontwikkelplein.domain;

import java.util.List;

/** The audit trail: appended to, never changed; kept for years (no expiry). */
public interface AuditLog {
    void append(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> forRecord(String recordType, String recordId, int limit);

    /** Newest first. */
    List<AuditEntry> byActor(String actorId, int limit);
}
