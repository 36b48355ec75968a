package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which messages an event makes, into the outbox, each with its idempotency key: a change of an
 * enrolment as the stream reports it (joined, waiting, promoted, cancelled), an edit of a date
 * (another time or place, called off), and the reminder the day before. Making the same message
 * twice (a redelivered record, a retried run) adds nothing.
 */
public final class Notifications {
    private final Catalog catalog;
    private final Participants participants;
    private final Outbox outbox;
    private final Clock clock;

    public Notifications(Catalog catalog, Participants participants, Outbox outbox, Clock clock) {
        this.catalog = catalog;
        this.participants = participants;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What the enrolment's old and new status mean for the person; null when nothing to tell. */
    static Message.Kind kind(Enrolment.EnrolmentStatus before, Enrolment.EnrolmentStatus after) {
        if (after == null || before == after) return null;
        return switch (after) {
            case CONFIRMED -> before == Enrolment.EnrolmentStatus.WAITLISTED ? Message.Kind.PROMOTED : Message.Kind.CONFIRMED;
            case WAITLISTED -> Message.Kind.WAITLISTED;
            case REQUESTED -> Message.Kind.REQUESTED;
            case CANCELLED -> before == null ? null : Message.Kind.CANCELLED;
        };
    }

    /**
     * One change of an enrolment, from the stream's old and new image.
     *
     * @param generation the enrolment's createdAt in the new image
     * @return whether a new message went into the outbox
     */
    public boolean afterChange(String offerId, String sessionId, String personKey, Enrolment.EnrolmentStatus before,
                               Enrolment.EnrolmentStatus after, Instant generation, long ticket) {
        Message.Kind kind = kind(before, after);
        if (kind == null) return false;
        Enrolment e = participants.find(offerId, sessionId, personKey).orElse(null);
        // Erased meanwhile, or made again since: this change is not about the enrolment that is there now.
        if (e == null || !e.createdAt().equals(generation)) return false;
        Offer offer = catalog.offer(offerId).orElse(null);
        if (offer == null) return false;
        return outbox.add(Message.of(offer.organisationId(), kind, e, kind == Message.Kind.PROMOTED ? "ticket " + ticket : "", null, clock.instant()));
    }

    /**
     * After an edit: everyone with a place on a date whose time or place changed, or that was
     * called off, hears it.
     *
     * @return messages added
     */
    public int afterEdit(Offer before, Offer after) {
        if (before == null) return 0;
        int added = 0;
        Instant now = clock.instant();
        for (Session s : after.sessions()) {
            Session old = before.session(s.id()).orElse(null);
            if (old == null || s.hasStarted(now)) continue;
            Message.Kind kind;
            String note;
            if (s.isCancelled() && !old.isCancelled()) {
                kind = Message.Kind.CALLED_OFF;
                note = s.note();
            } else if (!s.isCancelled() && (!s.start().equals(old.start()) || !s.end().equals(old.end())
                    || !Objects.equals(s.locationId(), old.locationId()))) {
                kind = Message.Kind.CHANGED;
                note = s.note();
            } else continue;
            String scope = after.isCourse() ? null : s.id();
            String discriminator = s.id() + "|" + kind + "|" + s.start() + "|" + s.end() + "|" + s.locationId();
            for (Participant p : participants.of(after.id(), scope)) {
                if (!p.enrolment().status().isActive()) continue;
                // The message is about this date: for a course, the changed lesson.
                if (outbox.add(Message.of(after.organisationId(), kind, p.enrolment(), s.id(), discriminator, note, now))) added++;
            }
        }
        return added;
    }

    /**
     * A reminder for everyone with a seat on a date tomorrow (in Amsterdam).
     *
     * @return messages added; a second run the same day adds none
     */
    public int reminders() {
        Instant now = clock.instant();
        LocalDate tomorrow = LocalDate.ofInstant(now, Session.ZONE).plusDays(1);
        Instant from = tomorrow.atStartOfDay(Session.ZONE).toInstant();
        int added = 0;
        for (AgendaEntry entry : catalog.upcoming(from, 10_000)) {
            Session s = entry.session();
            if (!s.start().toLocalDate().equals(tomorrow)) break;
            if (!s.needsEnrolment() || s.isCancelled() || entry.isCancelled()) continue;
            Offer offer = catalog.offer(entry.offerId()).orElse(null);
            if (offer == null) continue;
            for (Participant p : participants.of(offer.id(), offer.isCourse() ? null : s.id())) {
                if (p.enrolment().status() != Enrolment.EnrolmentStatus.CONFIRMED) continue;
                if (outbox.add(Message.of(offer.organisationId(), Message.Kind.REMINDER, p.enrolment(), s.id(), s.id() + "|" + tomorrow, null, now)))
                    added++;
            }
        }
        return added;
    }

    /** Offers' dates, for tests and the sender: the date a message is about (a course: its lesson, or the first). */
    static Session sessionOf(Offer offer, Message m) {
        if (m.sessionId() != null) return offer.session(m.sessionId()).orElse(null);
        return offer.courseSessions().stream().findFirst().orElse(offer.sessions().stream().findFirst().orElse(null));
    }

}
