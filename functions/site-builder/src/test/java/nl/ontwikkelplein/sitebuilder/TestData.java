package nl.ontwikkelplein.sitebuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;

public final class TestData {
    private TestData() {}

    public static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Organisation ORG = new Organisation("bibliotheek-hardenberg", "Bibliotheek Hardenberg", "https://www.bibliotheekhardenberg.nl/");
    public static final Location LOC = new Location("hardenberg-centrum", ORG.id(), "Bibliotheek Hardenberg", Location.LocationKind.BRANCH,
            new Location.Address("Voorstraat 34", "7772 AE", "Hardenberg"), null, null);
    public static final List<Assets.Asset> ASSETS = List.of(
            new Assets.Asset("css/site.css", "body{}".getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8"),
            new Assets.Asset("favicon.svg", "<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml"));

    public static Offer offer(String id, String title) {
        Session s = new Session(id + "-1", LocalDateTime.parse("2026-12-01T14:00"), LocalDateTime.parse("2026-12-01T16:00"),
                LOC.id(), 12, 3, Session.SessionStatus.SCHEDULED);
        return new Offer(id, ORG.id(), title, "Samenvatting", "Beschrijving", OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS,
                List.of(), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW, List.of(s));
    }

    public static final Location LOC2 = new Location("dedemsvaart", ORG.id(), "Bibliotheek Dedemsvaart", Location.LocationKind.BRANCH,
            new Location.Address("Julianastraat 1", "7701 AA", "Dedemsvaart"), null, null);

    /** An offer with one date per start time given, at {@code location}, with the given themes. */
    public static Offer offer(String id, String title, String location, List<String> themes, String... starts) {
        List<Session> sessions = new java.util.ArrayList<>();
        int n = 1;
        for (String start : starts) {
            LocalDateTime s = LocalDateTime.parse(start);
            sessions.add(new Session(id + "-" + n++, s, s.plusHours(2), location, 12, 0, Session.SessionStatus.SCHEDULED));
        }
        return new Offer(id, ORG.id(), title, "Samenvatting van " + title, "Beschrijving", OfferKind.WORKSHOP, ProgrammeLine.BASIC_SKILLS,
                themes, List.of("volwassenen"), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW, sessions);
    }

    /** A partner's course without dates that runs in a period at {@code location}. */
    public static Offer periodOffer(String id, String title, String location) {
        return new Offer(id, ORG.id(), title, "Samenvatting van " + title, "Beschrijving", OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS,
                List.of("taal"), List.of(), DeliveryFormat.IN_PERSON, Price.UNKNOWN, "ROC", null, null, new Offer.Source("roc", id, "hash"), NOW,
                List.of(), null, null, List.of("nl"), new Offer.Period(java.time.LocalDate.parse("2026-11-01"), java.time.LocalDate.parse("2027-03-01"), location));
    }

    /** The organisation, both places and the offers, written through the real catalog. */
    public static void seed(nl.ontwikkelplein.domain.Catalog catalog, Offer... offers) {
        catalog.saveOrganisation(ORG);
        catalog.saveLocation(LOC);
        catalog.saveLocation(LOC2);
        for (Offer o : offers) catalog.createOffer(o);
    }
}
