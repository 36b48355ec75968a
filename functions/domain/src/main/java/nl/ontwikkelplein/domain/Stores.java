package nl.ontwikkelplein.domain;

import java.util.Objects;

/**
 * Every storage port, as one function's composition root hands them to its handler. DynamoDB
 * adapters in Lambda, SQLite adapters in the local runtime and the tests; the domain sees only
 * these interfaces.
 */
public record Stores(Catalog catalog, Seats seats, EditorTokens editorTokens, StaffAccounts staff, SignIns signIns,
                     RateLimits rateLimits, AuditLog audit, Participants participants, Outbox outbox, PartnerFeeds feeds) {
    public Stores {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(editorTokens, "editorTokens");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(signIns, "signIns");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(feeds, "feeds");
    }
}
