package nl.ontwikkelplein.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an edit of an offer means for the people enrolled: more seats go to the people waiting
 * ({@link Waitlists#afterEdit}), a moved or called-off date is told to everyone with a place on it
 * ({@link Notifications#afterEdit}), and when a date moves, the deletion of their personal data
 * moves with it, so nothing is kept longer than the retention period after the (last) date.
 */
public final class EnrolmentUpkeep {
    private final Waitlists waitlists;
    private final Participants participants;
    private final Duration retention;
    private final Notifications notifications;

    public EnrolmentUpkeep(Waitlists waitlists, Participants participants, Duration retention, Notifications notifications) {
        this.waitlists = waitlists;
        this.participants = participants;
        this.retention = retention;
        this.notifications = notifications;
    }

    /** The usual wiring from a function's stores. */
    public static EnrolmentUpkeep of(Stores stores, java.time.Clock clock, Duration retention) {
        return new EnrolmentUpkeep(new Waitlists(stores.catalog(), stores.participants(), clock), stores.participants(), retention,
                new Notifications(stores.catalog(), stores.participants(), stores.outbox(), clock));
    }

    /** @return the people who got a seat */
    public List<Enrolment> afterEdit(Offer before, Offer after) {
        moveRetention(before, after);
        // Everyone whose date moved or was called off hears it (the promotions make their own message).
        notifications.afterEdit(before, after);
        return waitlists.afterEdit(before, after);
    }

    /** Sets the expiry of every enrolment of a date (or course) whose end moved. */
    void moveRetention(Offer before, Offer after) {
        if (before == null) return;
        if (after.isCourse()) {
            Instant was = lastEnd(before.sessions()), now = lastEnd(after.sessions());
            if (now != null && !Objects.equals(was, now)) participants.moveExpiry(after.id(), null, now.plus(retention));
            return;
        }
        for (Session s : after.sessions()) {
            Session old = before.session(s.id()).orElse(null);
            if (old != null && !old.end().equals(s.end())) participants.moveExpiry(after.id(), s.id(), s.endInstant().plus(retention));
        }
    }

    private static Instant lastEnd(List<Session> sessions) {
        List<Instant> ends = new ArrayList<>();
        for (Session s : sessions) ends.add(s.endInstant());
        return ends.stream().max(Instant::compareTo).orElse(null);
    }
}
