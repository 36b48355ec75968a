package nl.ontwikkelplein.domain;

import java.util.Set;

/** An offer without its sessions, with where they are: enough to list, search and filter many offers in one read. */
public record OfferSummary(Offer offer, Set<String> locationIds) {
    public OfferSummary {
        locationIds = locationIds == null ? Set.of() : Set.copyOf(locationIds);
    }
}
