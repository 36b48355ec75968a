package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warm referral: a professional of a partner organisation enrols a client on the client's
 * behalf, after explaining what it means and with the client's consent, and follows their own
 * referrals (enrolled, waiting, attended, cancelled). They see nobody else. The library sees who
 * referred whom on its participant list.
 */
public final class Referrals {
    public static final int MAX_NOTE = 1000;

    private final Catalog catalog;
    private final Participants participants;
    private final EnrolmentService enrolments;
    private final Audit audit;
    private final Clock clock;

    public Referrals(Catalog catalog, Participants participants, EnrolmentService enrolments, Audit audit, Clock clock) {
        this.catalog = catalog;
        this.participants = participants;
        this.enrolments = enrolments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Upcoming dates that take enrolments, of the organisations this professional works with; {@code text} filters on the title. */
    public List<AgendaEntry> choices(Actor actor, String text, int limit) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        List<AgendaEntry> out = new ArrayList<>();
        for (AgendaEntry e : catalog.upcoming(now, 2000)) {
            if (out.size() >= limit) break;
            if (!Permissions.may(actor, Permission.REFER, e.organisationId())) continue;
            if (e.isCancelled() || !e.session().needsEnrolment() || e.session().hasStarted(now)) continue;
            if (!q.isEmpty() && !e.offerTitle().toLowerCase(Locale.ROOT).contains(q)) continue;
            out.add(e);
        }
        return out;
    }

    /**
     * @param sessionId the date; ignored for a course (one enrolment for all lessons)
     * @throws InvalidInputException without consent, without an explanation, or with a bad name or number
     */
    public EnrolmentService.Result refer(Actor actor, Offer offer, String sessionId, EnrolmentService.Contact client, boolean consent, String explained) {
        Permissions.require(actor, Permission.REFER, offer.organisationId());
        List<FieldError> errors = new ArrayList<>();
        String note = explained == null ? "" : explained.strip();
        if (!consent) errors.add(new FieldError("consent", "Vraag eerst of uw cliënt het goed vindt. Zet dan het vinkje."));
        if (note.length() < 10) errors.add(new FieldError("explained", "Schrijf kort wat u hebt uitgelegd, bijvoorbeeld: wat het is, wanneer, en dat de bibliotheek kan bellen."));
        else if (note.length() > MAX_NOTE) errors.add(new FieldError("explained", "Gebruik hoogstens " + MAX_NOTE + " tekens."));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        EnrolmentService.Contact contact = new EnrolmentService.Contact(client.name(), client.phone(), client.email(), client.textMessages(),
                new Enrolment.Referral(actor.id(), actor.name(), note));
        EnrolmentService.Result result = offer.isCourse() ? enrolments.enrolInCourse(offer.id(), contact, EnrolmentService.Caller.STAFF)
                : enrolments.enrol(offer.id(), sessionId, contact, EnrolmentService.Caller.STAFF);
        if (result.outcome().hasPlace()) audit.record(actor, "OFFER", offer.id(), offer.organisationId(), "REFERRED", List.of("participants"));
        return result;
    }

    /** One referral as its professional sees it. */
    public record Referred(Participant participant, Offer offer, Session session, int position) {
        public boolean attended() {
            return participant.attendance().values().stream().anyMatch(a -> a == Attendance.PRESENT);
        }
    }

    public List<Referred> mine(Actor actor) {
        List<Referred> out = new ArrayList<>();
        for (Participant p : participants.referredBy(actor.id(), 200)) {
            Enrolment e = p.enrolment();
            Offer offer = catalog.offer(e.offerId()).orElse(null);
            if (offer == null) continue;
            Session s = e.sessionId() == null ? offer.courseSessions().stream().findFirst().orElse(null) : offer.session(e.sessionId()).orElse(null);
            out.add(new Referred(p, offer, s, participants.position(e)));
        }
        return out;
    }
}
