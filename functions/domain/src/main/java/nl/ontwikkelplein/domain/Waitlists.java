package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives seats that came free to the people waiting longest. Safe to run any number of times, at
 * the same time, for the same date: each promotion is one conditional transaction (the person is
 * still waiting, a seat is still free), so nobody is promoted twice and no seat is given twice.
 * That is why it runs both right after a change (a cancellation, a removal, more seats) and from
 * the enrolment stream, whose records may come again.
 */
public final class Waitlists {
    /** Promotions tried in one run; a run that hits it leaves the rest to the next stream record. */
    static final int MAX_TRIES = 200;

    private final Catalog catalog;
    private final Participants participants;
    private final Clock clock;

    public Waitlists(Catalog catalog, Participants participants, Clock clock) {
        this.catalog = catalog;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * @param sessionId the date, or null for a course
     * @return the people who got a seat, in order
     */
    public List<Enrolment> fill(String offerId, String sessionId) {
        List<Enrolment> promoted = new ArrayList<>();
        Instant now = clock.instant();
        // Read once: the seat counts may lag (the promotion's own condition decides), the lessons do not matter until they change.
        Offer offer = catalog.offer(offerId).orElse(null);
        List<String> seats = seatsToFill(offer, sessionId, now);
        if (seats.isEmpty()) return promoted;
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            List<Enrolment> next = participants.waiting(offerId, sessionId, 1);
            if (next.isEmpty()) break;
            // With an intake whose requests hold a seat, the one waiting longest gets a request (and the intake call) first.
            Enrolment.EnrolmentStatus to = offer.enrolmentPolicy().intake() ? Enrolment.EnrolmentStatus.REQUESTED : Enrolment.EnrolmentStatus.CONFIRMED;
            Participants.Promotion outcome = participants.promote(next.get(0), seats, offer.isCourse() ? offer.updatedAt() : null, to, now);
            if (outcome == Participants.Promotion.NO_SEAT) break; // also: the course changed meanwhile; its edit fills again
            if (outcome == Participants.Promotion.PROMOTED) promoted.add(next.get(0).withStatus(to));
            // NOT_WAITING: someone else promoted or cancelled them meanwhile; look again.
        }
        return promoted;
    }

    /** After an edit: every date (or the course) whose seats went up. */
    public List<Enrolment> afterEdit(Offer before, Offer after) {
        List<Enrolment> promoted = new ArrayList<>();
        if (after.isCourse()) {
            if (before == null || after.courseSeatsLeft() > before.courseSeatsLeft()) promoted.addAll(fill(after.id(), null));
            return promoted;
        }
        for (Session s : after.sessions()) {
            Session old = before == null ? null : before.session(s.id()).orElse(null);
            if (s.seats() != null && (old == null || old.seats() == null || s.seats() > old.seats())) promoted.addAll(fill(after.id(), s.id()));
        }
        return promoted;
    }

    /** The sessions a promotion takes a seat in; none while the date or course takes no enrolments. */
    private static List<String> seatsToFill(Offer offer, String sessionId, Instant now) {
        if (offer == null || offer.status() != OfferStatus.PUBLISHED) return List.of();
        if (sessionId == null) {
            if (!offer.isCourse()) return List.of();
            List<Session> lessons = offer.courseSessions();
            if (lessons.isEmpty() || lessons.get(0).hasStarted(now)) return List.of();
            return lessons.stream().map(Session::id).toList();
        }
        Session s = offer.session(sessionId).orElse(null);
        if (s == null || offer.isCourse() || s.isCancelled() || s.hasStarted(now) || !s.needsEnrolment()) return List.of();
        return List.of(sessionId);
    }
}
