package nl.ontwikkelplein.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings a partner's offers into the catalog. Ids derive from (source, the partner's own id), and
 * nothing is written when the content is unchanged: running an import twice changes nothing.
 * An offer that breaks the rules is set aside with its problems; the others still go in.
 */
public final class PartnerImport {
    private final Catalog catalog;
    private final OfferService offers;

    public PartnerImport(Catalog catalog, OfferService offers) {
        this.catalog = catalog;
        this.offers = offers;
    }

    /** One offer as a feed describes it, its sessions pointing at the feed's locations. */
    public record FeedOffer(String externalId, int line, OfferInput input) {}

    /** A place as a feed names it; its id is derived, so the same place keeps the same id. */
    public record FeedLocation(String name, Location.Address address) {}

    public record Problem(String externalId, int line, String message) {}

    public record Report(String sourceId, int created, int updated, int unchanged, int locationsWritten, List<Problem> rejected) {
        public String summary() {
            return "source=" + sourceId + " created=" + created + " updated=" + updated + " unchanged=" + unchanged
                    + " locationsWritten=" + locationsWritten + " rejected=" + rejected.size();
        }
    }

    public static String locationId(String sourceId, String locationName) {
        return Ids.derived("loc", sourceId, locationName.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static String offerId(String sourceId, String externalId) {
        return Ids.derived("imp", sourceId, externalId);
    }

    public Report run(String sourceId, String organisationId, List<FeedLocation> locations, List<FeedOffer> feedOffers,
                      List<Problem> parseProblems) {
        List<Problem> rejected = new ArrayList<>(parseProblems);
        int locationsWritten = 0;
        Map<String, FeedLocation> byId = new LinkedHashMap<>();
        for (FeedLocation l : locations) byId.putIfAbsent(locationId(sourceId, l.name()), l);
        for (Map.Entry<String, FeedLocation> e : byId.entrySet()) {
            Location wanted = new Location(e.getKey(), organisationId, e.getValue().name(),
                    isOnline(e.getValue().name()) ? Location.LocationKind.ONLINE : Location.LocationKind.PARTNER,
                    e.getValue().address(), null, null);
            if (!catalog.location(wanted.id()).map(wanted::equals).orElse(false)) {
                catalog.saveLocation(wanted);
                locationsWritten++;
            }
        }

        int created = 0, updated = 0, unchanged = 0;
        for (FeedOffer f : feedOffers) {
            String id = offerId(sourceId, f.externalId());
            OfferInput input = f.input().withOrganisation(organisationId);
            String hash = Ids.sha256Hex(input.toString());
            try {
                Offer existing = catalog.offer(id).orElse(null);
                if (existing != null && existing.source() != null && Objects.equals(existing.source().contentHash(), hash)) {
                    unchanged++;
                    continue;
                }
                Offer offer = offers.checkImported(id, new Offer.Source(sourceId, f.externalId(), hash), input,
                        existing == null ? List.of() : existing.sessions());
                if (catalog.upsertImported(offer)) {
                    if (existing == null) created++;
                    else updated++;
                } else {
                    unchanged++;
                }
            } catch (InvalidInputException e) {
                for (FieldError error : e.errors())
                    rejected.add(new Problem(f.externalId(), f.line(), error.field() + ": " + error.message()));
            } catch (ConflictException e) {
                rejected.add(new Problem(f.externalId(), f.line(), e.getMessage()));
            }
        }
        return new Report(sourceId, created, updated, unchanged, locationsWritten, List.copyOf(rejected));
    }

    private static boolean isOnline(String name) {
        return name.strip().equalsIgnoreCase("online");
    }
}
