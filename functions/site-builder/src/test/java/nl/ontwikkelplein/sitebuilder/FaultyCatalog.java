package nl.ontwikkelplein.sitebuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;

/**
 * The real embedded catalog (SQLite, a fresh file under target/), with reads of chosen offers
 * made to fail and every offer read noted: the faults a site build must survive.
 */
final class FaultyCatalog implements Catalog {
    final Set<String> failingOffers = new HashSet<>();
    final List<String> offerReads = new ArrayList<>();
    private final Catalog store;

    FaultyCatalog() {
        SqliteDatabase database = SqliteDatabase.open(Path.of("target", "test-databases", UUID.randomUUID() + ".db"));
        this.store = SqliteStores.on(database, Clock.systemUTC()).catalog();
    }

    @Override
    public Optional<Offer> offer(String offerId) {
        offerReads.add(offerId);
        if (failingOffers.contains(offerId)) throw new IllegalStateException("injected failure reading " + offerId);
        return store.offer(offerId);
    }

    @Override public void saveOrganisation(Organisation o) { store.saveOrganisation(o); }
    @Override public void saveLocation(Location l) { store.saveLocation(l); }
    @Override public List<Organisation> organisations() { return store.organisations(); }
    @Override public List<Location> locations() { return store.locations(); }
    @Override public Optional<Location> location(String id) { return store.location(id); }
    @Override public void createOffer(Offer offer) { store.createOffer(offer); }
    @Override public void updateOffer(Offer offer) { store.updateOffer(offer); }
    @Override public boolean removeOfferWithoutEnrolments(Offer offer) { return store.removeOfferWithoutEnrolments(offer); }
    @Override public List<AgendaEntry> upcoming(Instant from, int limit) { return store.upcoming(from, limit); }
    @Override public List<Offer> offersOf(String organisationId) { return store.offersOf(organisationId); }
    @Override public List<nl.ontwikkelplein.domain.OfferSummary> offerSummaries(String organisationId) { return store.offerSummaries(organisationId); }
    @Override public boolean upsertImported(Offer offer) { return store.upsertImported(offer); }
}
