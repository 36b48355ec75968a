package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an offer still lacks for visitors to find and understand it: hints, never blocking. */
public final class Completeness {
    private Completeness() {}

    public static List<String> hints(Offer offer, Map<String, Location> locations, Instant now) {
        List<String> out = new ArrayList<>();
        if (offer.summary() == null) out.add("Er is nog geen korte samenvatting. Die staat in de agenda onder de titel.");
        if (offer.targetGroups().isEmpty()) out.add("Er is nog geen doelgroep gekozen. Bezoekers zoeken daarop.");
        if (offer.themes().isEmpty()) out.add("Er is nog geen thema gekozen. Bezoekers zoeken daarop.");
        boolean periodRuns = offer.period() != null && offer.period().runsOnOrAfter(now.atZone(Session.ZONE).toLocalDate());
        if (!periodRuns && offer.sessions().stream().noneMatch(s -> !s.hasStarted(now) && !s.isCancelled())) out.add("Er is nog geen datum in de toekomst.");
        if (!offer.price().isKnown()) out.add("De prijs is niet bekend. Bezoekers lezen: vraag het aan de aanbieder.");
        boolean missingAddress = offer.format() != DeliveryFormat.ONLINE && offer.sessions().stream().anyMatch(s -> {
            Location l = locations.get(s.locationId());
            return l == null || (l.kind() != Location.LocationKind.ONLINE && (l.address() == null || l.address().oneLine().isEmpty()));
        });
        if (missingAddress) out.add("Bij een locatie van dit aanbod ontbreekt het adres.");
        return out;
    }
}
