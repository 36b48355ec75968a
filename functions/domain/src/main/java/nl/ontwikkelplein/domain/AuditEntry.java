package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;

/**
 * One change in the append-only audit trail: who, which record, which fields, when. Holds no
 * participant's personal data: participants appear as a count or an opaque key, never by name.
 *
 * @param actorId    {@link Actor#id()}
 * @param actorName  the staff member's name or the token's label, as it was at the time
 * @param recordType OFFER, LOCATION, ORGANISATION, STAFF, TOKEN, PARTICIPANT
 * @param action     CREATED, CHANGED, PUBLISHED, CANCELLED, ... (see {@link Audit})
 * @param fields     the fields that changed (names only, never values)
 */
public record AuditEntry(String id, Instant at, String actorId, String actorName, String recordType, String recordId,
                         String organisationId, String action, List<String> fields) {
    public AuditEntry {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
