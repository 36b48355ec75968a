package nl.ontwikkelplein.web.site;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;

/**
 * Everything the public site is made of, read once: the offers the public may see (with all
 * their sessions), the places and the organisations, and the moment it was read.
 */
public record SiteData(List<Offer> offers, Map<String, Location> locations, Map<String, Organisation> organisations, Instant now) {
    public SiteData {
        offers = offers.stream().sorted(Comparator.comparing(Offer::id)).toList();
        locations = Map.copyOf(locations);
        organisations = Map.copyOf(organisations);
    }

    public static SiteData of(List<Offer> offers, List<Location> locations, List<Organisation> organisations, Instant now) {
        Map<String, Location> l = new LinkedHashMap<>();
        for (Location x : locations) l.put(x.id(), x);
        Map<String, Organisation> o = new LinkedHashMap<>();
        for (Organisation x : organisations) o.put(x.id(), x);
        return new SiteData(offers, l, o, now);
    }

    /** Organisations by name, the order visitors see them in. */
    public List<Organisation> organisationsByName() {
        return organisations.values().stream().sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
