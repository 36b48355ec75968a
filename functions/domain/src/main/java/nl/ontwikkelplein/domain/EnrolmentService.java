package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules for taking part: who may enrol where, and what they hear back. */
public final class EnrolmentService {
    public static final int MAX_NAME_LENGTH = 100;

    private final Catalog catalog;
    private final Seats seats;
    private final Participants participants;
    private final Clock clock;
    private final Duration retention;

    /** ENROLMENT_RETENTION_DAYS from a function's environment (template.yaml), 90 when absent. */
    public static Duration retention(java.util.Map<String, String> env) {
        return Duration.ofDays(Integer.parseInt(env.getOrDefault("ENROLMENT_RETENTION_DAYS", "90").strip()));
    }

    public EnrolmentService(Catalog catalog, Seats seats, Participants participants, Clock clock, Duration retention) {
        this.catalog = catalog;
        this.seats = seats;
        this.participants = participants;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * WHOLE_COURSE: a date of a course was chosen, but a course takes one enrolment for all its
     * lessons. CHOOSE_DATE: the other way round. FULL: full, and no room on a waitlist (or none).
     */
    public enum Outcome { ENROLLED, WAITLISTED,
        /** An offer with an intake: the request is in; staff call for the intake, then accept or decline. */
        REQUESTED, ALREADY_ENROLLED, FULL, NO_ENROLMENT_NEEDED, CANCELLED, PAST, NOT_FOUND, WHOLE_COURSE, CHOOSE_DATE,
        /** The course kept changing while we tried (an editor at work): nothing was taken. */
        TRY_AGAIN;

        /** The person has a place (a seat or on the waitlist) and a private link. */
        public boolean hasPlace() { return this == ENROLLED || this == WAITLISTED || this == REQUESTED; }
    }

    /** Reads of a course that changed under an enrolment; each retry reads it again. */
    static final int COURSE_ATTEMPTS = 4;

    /**
     * @param offer       present unless the outcome is NOT_FOUND
     * @param session     the chosen session; for a course, its first lesson
     * @param position    the place on the waitlist when WAITLISTED, else 0
     * @param manageToken the secret of the private link when the person has a place; only its hash is stored
     */
    public record Result(Outcome outcome, Offer offer, Session session, int position, String manageToken) {
        public Result(Outcome outcome, Offer offer, Session session) {
            this(outcome, offer, session, 0, null);
        }
    }

    /**
     * Who asks. The public form must not tell a stranger whether a phone number is enrolled, so a
     * repeated enrolment is answered as a new one would be; staff, who see the list anyway, hear
     * ALREADY_ENROLLED.
     */
    public enum Caller { PUBLIC, STAFF }

    /** A public enrolment in one date. @throws InvalidInputException when name or phone number cannot be used */
    public Result enrol(String offerId, String sessionId, String name, String phone) {
        return enrol(offerId, sessionId, name, phone, Caller.PUBLIC);
    }

    public Result enrol(String offerId, String sessionId, String name, String phone, Caller caller) {
        return enrol(offerId, sessionId, new Contact(name, phone, null, false), caller);
    }

    /**
     * What a person gives: a name and a phone number, optionally an email address and consent to
     * text messages.
     */
    public record Contact(String name, String phone, String email, boolean textMessages, Enrolment.Referral referral) {
        public Contact(String name, String phone, String email, boolean textMessages) {
            this(name, phone, email, textMessages, null);
        }
    }

    public Result enrol(String offerId, String sessionId, Contact contact, Caller caller) {
        Person person = person(contact);
        if (!Ids.isValid(offerId) || !Ids.isValid(sessionId)) return new Result(Outcome.NOT_FOUND, null, null);
        // A draft is not there for the public (NOT_FOUND says no more than a missing offer would).
        Offer offer = catalog.offer(offerId).filter(o -> o.status().isPublic()).orElse(null);
        Session session = offer == null ? null : offer.session(sessionId).orElse(null);
        if (session == null) return new Result(Outcome.NOT_FOUND, offer, null);
        if (offer.isCourse()) return new Result(Outcome.WHOLE_COURSE, offer, session);

        Instant now = clock.instant();
        if (session.isCancelled() || offer.status() == OfferStatus.CANCELLED) return new Result(Outcome.CANCELLED, offer, session);
        if (session.hasStarted(now)) return new Result(Outcome.PAST, offer, session);
        if (!session.needsEnrolment()) return new Result(Outcome.NO_ENROLMENT_NEEDED, offer, session);

        String token = Secrets.newSecret();
        Enrolment enrolment = new Enrolment(offerId, sessionId, personKey(offerId, sessionId, person.phone()),
                person.name(), person.phone(), Enrolment.EnrolmentStatus.CONFIRMED, now, session.endInstant().plus(retention), 0, Secrets.hash(token),
                person.email(), person.textMessages(), contact.referral());
        SeatResult seat = seats.enrol(enrolment, offer.enrolmentPolicy());
        return result(seat, offer, session, enrolment, token, session.seatsLeft(), caller);
    }

    /**
     * One enrolment for every lesson of a course: a seat in each, all or none. Closes when the
     * first lesson starts.
     *
     * @throws InvalidInputException when name or phone number cannot be used
     */
    public Result enrolInCourse(String offerId, String name, String phone) {
        return enrolInCourse(offerId, name, phone, Caller.PUBLIC);
    }

    public Result enrolInCourse(String offerId, String name, String phone, Caller caller) {
        return enrolInCourse(offerId, new Contact(name, phone, null, false), caller);
    }

    public Result enrolInCourse(String offerId, Contact contact, Caller caller) {
        Person person = person(contact);
        if (!Ids.isValid(offerId)) return new Result(Outcome.NOT_FOUND, null, null);
        Result result = null;
        for (int attempt = 0; attempt < COURSE_ATTEMPTS && (result == null || result.outcome() == Outcome.TRY_AGAIN); attempt++)
            result = enrolInCourseAsRead(offerId, person, contact.referral(), caller);
        return result;
    }

    private Result enrolInCourseAsRead(String offerId, Person person, Enrolment.Referral referral, Caller caller) {
        Offer offer = catalog.offer(offerId).filter(o -> o.status().isPublic()).orElse(null);
        if (offer == null) return new Result(Outcome.NOT_FOUND, null, null);
        if (!offer.isCourse()) return new Result(Outcome.CHOOSE_DATE, offer, null);
        List<Session> lessons = offer.courseSessions();
        if (lessons.isEmpty() || offer.status() == OfferStatus.CANCELLED) return new Result(Outcome.CANCELLED, offer, null);
        Session first = lessons.get(0);
        Instant now = clock.instant();
        if (first.hasStarted(now)) return new Result(Outcome.PAST, offer, first);

        Instant lastEnd = lessons.stream().map(Session::endInstant).max(Instant::compareTo).orElseThrow();
        String token = Secrets.newSecret();
        Enrolment enrolment = new Enrolment(offerId, null, personKey(offerId, "course", person.phone()),
                person.name(), person.phone(), Enrolment.EnrolmentStatus.CONFIRMED, now, lastEnd.plus(retention), 0, Secrets.hash(token),
                person.email(), person.textMessages(), referral);
        SeatResult seat = seats.enrolAll(enrolment, lessons.stream().map(Session::id).toList(), offer.updatedAt(), offer.enrolmentPolicy());
        return result(seat, offer, first, enrolment, token, offer.courseSeatsLeft(), caller);
    }

    private Result result(SeatResult seat, Offer offer, Session session, Enrolment enrolment, String token, int seatsLeftAsRead, Caller caller) {
        return switch (seat.outcome()) {
            case TAKEN -> new Result(Outcome.ENROLLED, offer, session, 0, token);
            case WAITLISTED -> new Result(Outcome.WAITLISTED, offer, session, seat.position(), token);
            case REQUESTED -> new Result(Outcome.REQUESTED, offer, session, 0, token);
            case FULL -> new Result(Outcome.FULL, offer, session);
            case SESSION_GONE -> new Result(Outcome.NOT_FOUND, offer, null);
            case OFFER_CHANGED -> new Result(Outcome.TRY_AGAIN, offer, session);
            case ALREADY_ENROLLED -> caller == Caller.STAFF ? new Result(Outcome.ALREADY_ENROLLED, offer, session)
                    : asIfNew(offer, session, enrolment, token, seatsLeftAsRead);
        };
    }

    /**
     * The answer a newcomer would get now, without taking anything: a seat while seats are free
     * and nobody waits, else a place at the end of the waitlist. It comes with a private link of its
     * own, to a stand-in that shows what a new enrolment's link would show. The person's real
     * enrolment and its link stay untouched, so a stranger who types someone's phone number learns
     * nothing and can change nothing.
     */
    private Result asIfNew(Offer offer, Session session, Enrolment enrolment, String token, int seatsLeftAsRead) {
        Integer limit = offer.enrolmentPolicy().waitlistLimit();
        int waiting = participants.waiting(offer.id(), enrolment.sessionId(), limit == null ? EnrolmentPolicy.MAX_WAITLIST : limit).size();
        Outcome outcome;
        int position = 0;
        boolean intake = offer.enrolmentPolicy().intake();
        if (offer.enrolmentPolicy().requestsWithoutSeat() || (intake && seatsLeftAsRead > 0 && waiting == 0)) outcome = Outcome.REQUESTED;
        else if (seatsLeftAsRead > 0 && waiting == 0) outcome = Outcome.ENROLLED;
        else if (offer.enrolmentPolicy().hasWaitlist() && (limit == null || waiting < limit)) {
            outcome = Outcome.WAITLISTED;
            position = waiting + 1;
        } else return new Result(Outcome.FULL, offer, session);
        Enrolment.EnrolmentStatus status = switch (outcome) {
            case ENROLLED -> Enrolment.EnrolmentStatus.CONFIRMED;
            case REQUESTED -> Enrolment.EnrolmentStatus.REQUESTED;
            default -> Enrolment.EnrolmentStatus.WAITLISTED;
        };
        participants.savePhantom(new ManagedEnrolment(enrolment.withStatus(status), position, true));
        return new Result(outcome, offer, session, position, token);
    }

    private record Person(String name, String phone, String email, boolean textMessages) {}

    private static Person person(Contact contact) {
        String name = contact.name(), phone = contact.phone();
        String cleanName = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        String cleanPhone = PhoneNumbers.normalise(phone);
        String typedEmail = contact.email() == null ? "" : contact.email().strip();
        String cleanEmail = typedEmail.isEmpty() ? null : Emails.normalise(typedEmail).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (cleanName.isEmpty()) errors.add(new FieldError("name", "Vul uw naam in."));
        else if (cleanName.length() > MAX_NAME_LENGTH)
            errors.add(new FieldError("name", "Uw naam is te lang. Gebruik hoogstens " + MAX_NAME_LENGTH + " tekens."));
        if (cleanPhone == null)
            errors.add(new FieldError("phone", "Vul een telefoonnummer in waarop we u kunnen bellen, bijvoorbeeld 06 12345678."));
        if (!typedEmail.isEmpty() && cleanEmail == null)
            errors.add(new FieldError("email", "Dit e-mailadres klopt niet. Schrijf het als naam@voorbeeld.nl, of laat het leeg."));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Person(cleanName, cleanPhone, cleanEmail, contact.textMessages());
    }

    /** Same person, same session, same key: a second form submission cannot take a second seat. */
    static String personKey(String offerId, String sessionId, String normalisedPhone) {
        return Ids.sha256Hex(offerId + "/" + sessionId + "/" + normalisedPhone).substring(0, 32);
    }
}
