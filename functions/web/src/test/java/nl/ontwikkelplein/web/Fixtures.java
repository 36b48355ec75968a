package nl.ontwikkelplein.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;

/** Library activities as in the Hardenberg service guide, for rendering tests. */
final class Fixtures {
    private Fixtures() {}

    static final Organisation ORG = new Organisation("bibliotheek-hardenberg", "Bibliotheek Hardenberg", "https://www.bibliotheekhardenberg.nl/");
    static final Location HARDENBERG = new Location("hardenberg-centrum", ORG.id(), "Bibliotheek Hardenberg",
            Location.LocationKind.BRANCH, new Location.Address("Voorstraat 34", "7772 AE", "Hardenberg"), 52.575, 6.619);
    static final Location DEDEMSVAART = new Location("dedemsvaart", ORG.id(), "Bibliotheek",
            Location.LocationKind.BRANCH, new Location.Address("Julianastraat 1", "7701 JA", "Dedemsvaart"), null, null);
    static final Map<String, Location> LOCATIONS = Map.of(HARDENBERG.id(), HARDENBERG, DEDEMSVAART.id(), DEDEMSVAART);
    static final Map<String, Organisation> ORGS = Map.of(ORG.id(), ORG);

    /** 1 December 2026 is a Tuesday; the pages are rendered a week before. */
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    static Session session(String id, LocalDateTime start, Integer seats, int taken) {
        return new Session(id, start, start.plusHours(2), HARDENBERG.id(), seats, taken, Session.SessionStatus.SCHEDULED);
    }

    static Offer offer(String title, String description, List<Session> sessions) {
        return new Offer("klik-en-tik", ORG.id(), title,
                "Leer in uw eigen tempo typen, e-mailen en internetten.", description,
                OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS, List.of("Digitale vaardigheden"),
                List.of("Beginners", "Werkzoekenden"), DeliveryFormat.IN_PERSON, Price.FREE, null,
                "https://www.klikentik.nl/", null, null, NOW, sessions);
    }

    static Offer klikEnTik() {
        return offer("Klik & Tik. De basis",
                "Klik & Tik is een cursus voor beginners.\nU oefent met filmpjes en opdrachten.\n\nEen vrijwilliger helpt u.",
                List.of(session("di-1-dec", LocalDateTime.parse("2026-12-01T14:00"), 12, 4),
                        session("di-8-dec", LocalDateTime.parse("2026-12-08T14:00"), 12, 12),
                        session("voorbij", LocalDateTime.parse("2026-11-17T14:00"), 12, 3)));
    }

    static AgendaEntry entry(Offer offer, Session session) {
        return new AgendaEntry(offer.id(), offer.title(), offer.kind(), offer.programmeLine(), offer.format(),
                offer.price(), offer.organisationId(), session);
    }
}
