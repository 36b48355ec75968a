package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff's call list: the people who gave only a phone number and whose place or date changed,
 * and the messages that could not be sent, of the organisations the actor works for. Ticking
 * "called" is checked here and goes into the audit trail without a name.
 */
public final class CallList {
    static final int PER_ORGANISATION = 200;

    private final Outbox outbox;
    private final Participants participants;
    private final Catalog catalog;
    private final Audit audit;
    private final Clock clock;

    public CallList(Outbox outbox, Participants participants, Catalog catalog, Audit audit, Clock clock) {
        this.outbox = outbox;
        this.participants = participants;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param enrolment the person to phone; @param session the date it is about (may be null) */
    public record Entry(Message message, Enrolment enrolment, Offer offer, Session session) {}

    public List<Entry> entries(Actor actor) {
        // Referrers see their own referrals only, never another person's phone number.
        if (actor.role() == Role.REFERRER) throw new ForbiddenException(Permission.VIEW_PARTICIPANTS);
        List<String> organisations = actor.isAdmin() ? catalog.organisations().stream().map(Organisation::id).toList() : actor.organisationIds();
        List<Entry> out = new ArrayList<>();
        for (String organisationId : organisations) {
            if (!Permissions.may(actor, Permission.VIEW_PARTICIPANTS, organisationId)) continue;
            for (Message m : outbox.forStaff(organisationId, PER_ORGANISATION)) {
                Enrolment e = participants.find(m.offerId(), m.enrolmentSessionId(), m.personKey()).filter(x -> x.createdAt().equals(m.generation())).orElse(null);
                Offer offer = catalog.offer(m.offerId()).orElse(null);
                if (e == null || offer == null) continue; // erased since: nobody to phone
                out.add(new Entry(m, e, offer, Notifications.sessionOf(offer, m)));
            }
        }
        return out;
    }

    /** @return false when it was ticked already (by a colleague) or is gone */
    public boolean markCalled(Actor actor, String organisationId, String key) {
        Permissions.require(actor, Permission.MANAGE_PARTICIPANTS, organisationId);
        Message m = outbox.find(organisationId, key).orElse(null);
        if (m == null) return false;
        boolean done = outbox.markCalled(organisationId, key, actor.name(), clock.instant());
        if (done) audit.record(actor, "OFFER", m.offerId(), organisationId, "PARTICIPANT_CALLED", List.of("participants"));
        return done;
    }
}
