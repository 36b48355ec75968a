package nl.ontwikkelplein.sitebuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Session;

/** A catalog in maps, with offers that can be made to fail on read. */
final class InMemoryCatalog implements Catalog {
    final Map<String, Organisation> organisations = new LinkedHashMap<>();
    final Map<String, Location> locations = new LinkedHashMap<>();
    final Map<String, Offer> offers = new LinkedHashMap<>();
    final Set<String> failingOffers = new HashSet<>();
    final List<String> offerReads = new ArrayList<>();

    @Override public void saveOrganisation(Organisation o) { organisations.put(o.id(), o); }
    @Override public void saveLocation(Location l) { locations.put(l.id(), l); }
    @Override public List<Organisation> organisations() { return List.copyOf(organisations.values()); }
    @Override public List<Location> locations() { return List.copyOf(locations.values()); }
    @Override public Optional<Location> location(String id) { return Optional.ofNullable(locations.get(id)); }

    @Override
    public Optional<Offer> offer(String offerId) {
        offerReads.add(offerId);
        if (failingOffers.contains(offerId)) throw new IllegalStateException("injected failure reading " + offerId);
        return Optional.ofNullable(offers.get(offerId));
    }

    @Override public void createOffer(Offer offer) { offers.put(offer.id(), offer); }
    @Override public void updateOffer(Offer offer) { offers.put(offer.id(), offer); }

    @Override
    public List<AgendaEntry> upcoming(Instant from, int limit) {
        List<AgendaEntry> out = new ArrayList<>();
        for (Offer o : offers.values())
            for (Session s : o.sessions())
                if (!s.startInstant().isBefore(from))
                    out.add(new AgendaEntry(o.id(), o.title(), o.kind(), o.programmeLine(), o.format(), o.price(), o.organisationId(), s));
        out.sort(Comparator.comparing(e -> e.session().startInstant()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public List<Offer> offersOf(String organisationId) {
        return offers.values().stream().filter(o -> o.organisationId().equals(organisationId)).map(o -> o.withSessions(List.of())).toList();
    }

    @Override public boolean upsertImported(Offer offer) { offers.put(offer.id(), offer); return true; }

    @Override public boolean removeOfferWithoutEnrolments(Offer offer) {
        if (offer.sessions().stream().anyMatch(s -> s.taken() > 0)) return false;
        return offers.remove(offer.id()) != null;
    }
}
