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
    private final Clock clock;
    private final Duration retention;

    /** ENROLMENT_RETENTION_DAYS from a function's environment (template.yaml), 90 when absent. */
    public static Duration retention(java.util.Map<String, String> env) {
        return Duration.ofDays(Integer.parseInt(env.getOrDefault("ENROLMENT_RETENTION_DAYS", "90").strip()));
    }

    public EnrolmentService(Catalog catalog, Seats seats, Clock clock, Duration retention) {
        this.catalog = catalog;
        this.seats = seats;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * WHOLE_COURSE: a date of a course was chosen, but a course takes one enrolment for all its
     * lessons. CHOOSE_DATE: the other way round.
     */
    public enum Outcome { ENROLLED, ALREADY_ENROLLED, FULL, NO_ENROLMENT_NEEDED, CANCELLED, PAST, NOT_FOUND, WHOLE_COURSE, CHOOSE_DATE,
        /** The course kept changing while we tried (an editor at work): nothing was taken. */
        TRY_AGAIN }

    /** Reads of a course that changed under an enrolment; each retry reads it again. */
    static final int COURSE_ATTEMPTS = 4;

    /**
     * @param offer   present unless the outcome is NOT_FOUND
     * @param session the chosen session; for a course, its first lesson
     */
    public record Result(Outcome outcome, Offer offer, Session session) {}

    /** @throws InvalidInputException when name or phone number cannot be used */
    public Result enrol(String offerId, String sessionId, String name, String phone) {
        Person person = person(name, phone);
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

        Enrolment enrolment = new Enrolment(offerId, sessionId, personKey(offerId, sessionId, person.phone()),
                person.name(), person.phone(), Enrolment.EnrolmentStatus.CONFIRMED, now, session.endInstant().plus(retention));
        return new Result(outcome(seats.take(enrolment)), offer, session);
    }

    /**
     * One enrolment for every lesson of a course: a seat in each, all or none. Closes when the
     * first lesson starts.
     *
     * @throws InvalidInputException when name or phone number cannot be used
     */
    public Result enrolInCourse(String offerId, String name, String phone) {
        Person person = person(name, phone);
        if (!Ids.isValid(offerId)) return new Result(Outcome.NOT_FOUND, null, null);
        Result result = null;
        for (int attempt = 0; attempt < COURSE_ATTEMPTS && (result == null || result.outcome() == Outcome.TRY_AGAIN); attempt++)
            result = enrolInCourseAsRead(offerId, person);
        return result;
    }

    private Result enrolInCourseAsRead(String offerId, Person person) {
        Offer offer = catalog.offer(offerId).filter(o -> o.status().isPublic()).orElse(null);
        if (offer == null) return new Result(Outcome.NOT_FOUND, null, null);
        if (!offer.isCourse()) return new Result(Outcome.CHOOSE_DATE, offer, null);
        List<Session> lessons = offer.courseSessions();
        if (lessons.isEmpty() || offer.status() == OfferStatus.CANCELLED) return new Result(Outcome.CANCELLED, offer, null);
        Session first = lessons.get(0);
        Instant now = clock.instant();
        if (first.hasStarted(now)) return new Result(Outcome.PAST, offer, first);

        Instant lastEnd = lessons.stream().map(Session::endInstant).max(Instant::compareTo).orElseThrow();
        Enrolment enrolment = new Enrolment(offerId, null, personKey(offerId, "course", person.phone()),
                person.name(), person.phone(), Enrolment.EnrolmentStatus.CONFIRMED, now, lastEnd.plus(retention));
        return new Result(outcome(seats.takeAll(enrolment, lessons.stream().map(Session::id).toList(), offer.updatedAt())), offer, first);
    }

    private record Person(String name, String phone) {}

    private static Person person(String name, String phone) {
        String cleanName = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        String cleanPhone = PhoneNumbers.normalise(phone);
        List<FieldError> errors = new ArrayList<>();
        if (cleanName.isEmpty()) errors.add(new FieldError("name", "Vul uw naam in."));
        else if (cleanName.length() > MAX_NAME_LENGTH)
            errors.add(new FieldError("name", "Uw naam is te lang. Gebruik hoogstens " + MAX_NAME_LENGTH + " tekens."));
        if (cleanPhone == null)
            errors.add(new FieldError("phone", "Vul een telefoonnummer in waarop we u kunnen bellen, bijvoorbeeld 06 12345678."));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Person(cleanName, cleanPhone);
    }

    private static Outcome outcome(SeatOutcome seat) {
        return switch (seat) {
            case TAKEN -> Outcome.ENROLLED;
            case FULL -> Outcome.FULL;
            case ALREADY_ENROLLED -> Outcome.ALREADY_ENROLLED;
            case SESSION_GONE -> Outcome.NOT_FOUND;
            case OFFER_CHANGED -> Outcome.TRY_AGAIN;
        };
    }

    /** Same person, same session, same key: a second form submission cannot take a second seat. */
    static String personKey(String offerId, String sessionId, String normalisedPhone) {
        return Ids.sha256Hex(offerId + "/" + sessionId + "/" + normalisedPhone).substring(0, 32);
    }
}
