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

final class TestData {
    private TestData() {}

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Organisation ORG = new Organisation("bibliotheek-hardenberg", "Bibliotheek Hardenberg", "https://www.bibliotheekhardenberg.nl/");
    static final Location LOC = new Location("hardenberg-centrum", ORG.id(), "Bibliotheek Hardenberg", Location.LocationKind.BRANCH,
            new Location.Address("Voorstraat 34", "7772 AE", "Hardenberg"), null, null);
    static final List<Assets.Asset> ASSETS = List.of(
            new Assets.Asset("css/site.css", "body{}".getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8"),
            new Assets.Asset("favicon.svg", "<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml"));

    static Offer offer(String id, String title) {
        Session s = new Session(id + "-1", LocalDateTime.parse("2026-12-01T14:00"), LocalDateTime.parse("2026-12-01T16:00"),
                LOC.id(), 12, 3, Session.SessionStatus.SCHEDULED);
        return new Offer(id, ORG.id(), title, "Samenvatting", "Beschrijving", OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS,
                List.of(), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW, List.of(s));
    }

    static FaultyCatalog catalog(Offer... offers) {
        FaultyCatalog c = new FaultyCatalog();
        c.saveOrganisation(ORG);
        c.saveLocation(LOC);
        for (Offer o : offers) c.createOffer(o);
        return c;
    }
}
