package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.util.List;

/** Writes audit entries for an actor's changes. */
public final class Audit {
    private final AuditLog log;
    private final Clock clock;

    public Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(Actor actor, String recordType, String recordId, String organisationId, String action, List<String> fields) {
        java.time.Instant now = clock.instant();
        log.append(new AuditEntry(now.toEpochMilli() + "-" + Ids.randomSuffix(8), now, actor.id(), actor.name(),
                recordType, recordId, organisationId, action, fields));
    }

    public AuditLog log() { return log; }
}
