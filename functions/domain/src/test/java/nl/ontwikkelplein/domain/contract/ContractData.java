package nl.ontwikkelplein.domain.contract;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.Stores;

/**
 * Test data for the contract suites. Every test makes its own ids, so one store (one set of
 * DynamoDB tables) serves a whole suite and tests never see each other's items.
 */
public final class ContractData {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Far from today and from each other: agenda reads of one test never meet another's sessions. */
    public static final LocalDateTime BASE = LocalDateTime.of(2031, 3, 3, 10, 0);

    private ContractData() {}

    /** A fresh id with a readable prefix. */
    public static String id(String prefix) {
        return prefix + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Organisation organisation(Stores stores) {
        Organisation o = new Organisation(id("org"), "Bibliotheek " + id("x"), "https://bibliotheek.example");
        stores.catalog().saveOrganisation(o);
        return o;
    }

    public static Location location(Stores stores, String organisationId) {
        Location l = new Location(id("loc"), organisationId, "Vestiging", Location.LocationKind.BRANCH,
                new Location.Address("Voorstraat 1", "7772 AA", "Hardenberg"), 52.5, 6.6);
        stores.catalog().saveLocation(l);
        return l;
    }

    public static Session session(String locationId, LocalDateTime start, Integer seats) {
        return new Session(id("s"), start, start.plusHours(2), locationId, seats, 0, Session.SessionStatus.SCHEDULED);
    }

    /** Sessions a week apart from {@code start}. */
    public static List<Session> weekly(String locationId, LocalDateTime start, int count, Integer seats) {
        List<Session> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(session(locationId, start.plusWeeks(i), seats));
        return out;
    }

    public static Offer offer(String organisationId, EnrolmentScope scope, List<Session> sessions) {
        return new Offer(id("offer"), organisationId, "Klik & Tik: de basis", "Leer typen en e-mailen.",
                "Een cursus voor beginners.\nMet <uitleg> & \"aanhalingstekens\".", OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS,
                List.of("digitale vaardigheden", "e-overheid"), List.of("senioren"), DeliveryFormat.BLENDED, new Price(1250),
                "Taalhuis", "https://example.org/klik-tik", scope, null, now(), sessions, nl.ontwikkelplein.domain.OfferStatus.PUBLISHED,
                nl.ontwikkelplein.domain.EnrolmentPolicy.DEFAULT, List.of("nl", "ar")); // two languages: both must come back, in order
    }

    /** An offer with one location of a new organisation, stored. */
    public static Offer storedOffer(Stores stores, EnrolmentScope scope, int sessions, Integer seats) {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Offer offer = offer(o.id(), scope, weekly(l.id(), BASE, sessions, seats));
        stores.catalog().createOffer(offer);
        return offer;
    }

    public static Enrolment enrolment(Offer offer, String sessionId, String person) {
        Instant now = now();
        return new Enrolment(offer.id(), sessionId, person, "Anna de Vries", "+31612345678",
                Enrolment.EnrolmentStatus.CONFIRMED, now, now.plus(90, ChronoUnit.DAYS), 0, nl.ontwikkelplein.domain.Secrets.hash(id("link")));
    }
}
