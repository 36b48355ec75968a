package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person can do with their own enrolment through its private link, without an account:
 * see it (with their place on the waitlist), cancel it, take their data with them or delete it.
 * The link's secret is the only key; it is never stored, only its hash.
 */
public final class OwnEnrolments {
    private final Catalog catalog;
    private final Participants participants;
    private final Waitlists waitlists;
    private final Clock clock;

    public OwnEnrolments(Catalog catalog, Participants participants, Waitlists waitlists, Clock clock) {
        this.catalog = catalog;
        this.participants = participants;
        this.waitlists = waitlists;
        this.clock = clock;
    }

    /**
     * @param session  the date, or a course's first lesson
     * @param lessons  the dates it covers (one, or a course's lessons)
     * @param location where the (first) date is; may be null
     */
    public record View(ManagedEnrolment managed, Offer offer, Session session, List<Session> lessons, Location location) {
        public Enrolment enrolment() { return managed.enrolment(); }

        public Enrolment.EnrolmentStatus status() { return managed.enrolment().status(); }

        /** The person can still cancel here: active, and the (first) date has not begun. */
        public boolean cancellable(Instant now) {
            return status().isActive() && session != null && !session.hasStarted(now);
        }
    }

    public Optional<View> view(String token) {
        if (!Secrets.looksLikeSecret(token)) return Optional.empty();
        return participants.byManageHash(Secrets.hash(token)).flatMap(this::view);
    }

    private Optional<View> view(ManagedEnrolment managed) {
        Enrolment e = managed.enrolment();
        Offer offer = catalog.offer(e.offerId()).orElse(null);
        if (offer == null) return Optional.empty();
        List<Session> lessons = e.sessionId() == null ? offer.sessions() : offer.session(e.sessionId()).map(List::of).orElse(List.of());
        Session session = e.sessionId() == null ? offer.courseSessions().stream().findFirst().orElse(lessons.isEmpty() ? null : lessons.get(0))
                : lessons.isEmpty() ? null : lessons.get(0);
        Location location = session == null || session.locationId() == null ? null : catalog.location(session.locationId()).orElse(null);
        int position = managed.phantom() ? managed.position() : participants.position(e);
        return Optional.of(new View(new ManagedEnrolment(e, position, managed.phantom()), offer, session, lessons, location));
    }

    public enum CancelOutcome { CANCELLED, ALREADY_CANCELLED, STARTED, NOT_FOUND }

    /** Cancels; a seat that comes free goes to the first person waiting at once. */
    public CancelOutcome cancel(String token) {
        View view = view(token).orElse(null);
        if (view == null) return CancelOutcome.NOT_FOUND;
        if (!view.status().isActive()) return CancelOutcome.ALREADY_CANCELLED;
        Instant now = clock.instant();
        if (!view.cancellable(now)) return CancelOutcome.STARTED;
        Enrolment e = view.enrolment();
        if (view.managed().phantom())
            return participants.cancelPhantom(e.manageHash()) ? CancelOutcome.CANCELLED : CancelOutcome.ALREADY_CANCELLED;
        Optional<Enrolment.EnrolmentStatus> was = participants.cancel(e.offerId(), e.sessionId(), e.personKey(), seatSessionIds(view), now);
        if (was.isEmpty()) return CancelOutcome.ALREADY_CANCELLED;
        waitlists.fill(e.offerId(), e.sessionId()); // a seat, a request's seat or a queue place came free
        return CancelOutcome.CANCELLED;
    }

    /** Deletes the enrolment with the name and phone number; a seat it held comes free. */
    public boolean erase(String token) {
        View view = view(token).orElse(null);
        if (view == null) return false;
        Enrolment e = view.enrolment();
        if (view.managed().phantom()) return participants.erasePhantom(e.manageHash());
        boolean active = e.status().isActive();
        boolean erased = participants.erase(e.offerId(), e.sessionId(), e.personKey(), seatSessionIds(view));
        if (erased && active) waitlists.fill(e.offerId(), e.sessionId());
        return erased;
    }

    /** The seats a confirmed enrolment holds: its date, or every lesson of its course that is not called off. */
    static List<String> seatSessionIds(View view) {
        return view.offer().seatSessionIds(view.enrolment().sessionId());
    }
}
