package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings a partner's offers into the catalog. A new offer's id is its title as a slug plus a
 * hash of (source, the partner's own id), so its page address reads like an editor's
 * ({@code /aanbod/taalcafe-hardenberg-3f9a0c1b2d4e5f60/}); after that the offer is found by
 * (source, partner's id), so a changed title keeps the address, the enrolments and their links.
 * Nothing is written when the content is unchanged: running an import twice changes nothing.
 * An offer that breaks the rules is set aside with its problems; the others still go in.
 *
 * <p>An offer the partner no longer lists is withdrawn, but only after a feed that was read
 * completely (a broken or cut-off feed withdraws nothing): without enrolments it is removed;
 * with enrolments it stays, so staff can still reach those people, and its dates that have not
 * begun are called off.
 */
public final class PartnerImport {
    /** The content hash of a withdrawn offer: matches no feed row, so a row that returns is written again. */
    public static final String WITHDRAWN = "withdrawn";

    private final Catalog catalog;
    private final OfferService offers;
    private final Clock clock;
    private final int writers;

    public PartnerImport(Catalog catalog, OfferService offers, Clock clock) { this(catalog, offers, clock, 1); }

    /**
     * @param writers how many offers are read and written at the same time: a store across the
     *                network (DynamoDB) spends most of a write waiting, so a few in flight go faster
     */
    public PartnerImport(Catalog catalog, OfferService offers, Clock clock, int writers) {
        if (writers < 1 || writers > 64) throw new IllegalArgumentException("writers: 1 to 64");
        this.catalog = catalog;
        this.offers = offers;
        this.clock = clock;
        this.writers = writers;
    }

    /** One offer as a feed describes it, its sessions pointing at the feed's locations. */
    public record FeedOffer(String externalId, int line, OfferInput input) {}

    /** A place as a feed names it; its id is derived, so the same place keeps the same id. */
    public record FeedLocation(String name, Location.Address address) {}

    public record Problem(String externalId, int line, String message) {}

    /**
     * @param removed   offers no longer in the feed, deleted (nobody had enrolled)
     * @param cancelled offers no longer in the feed whose coming dates were called off (people had enrolled)
     * @param complete  false when part of the feed could not be read, so nothing was withdrawn
     * @param held      the feed lists under half the offers it had (of at least {@value #SHRINK_GUARD_FROM}), so
     *                  nothing was withdrawn: an admin confirms a shrink like that first
     * @param listed    offers the feed lists now (read or rejected); {@code before}: its offers before the run
     * @param keptByStaff offers staff took over from the feed: left as they are, whatever the feed says or no longer lists
     */
    public record Report(String sourceId, int created, int updated, int unchanged, int locationsWritten,
                         int removed, int cancelled, boolean complete, List<Problem> rejected, boolean held, int listed, int before,
                         int keptByStaff) {
        public String summary() {
            return "source=" + sourceId + " created=" + created + " updated=" + updated + " unchanged=" + unchanged
                    + " locationsWritten=" + locationsWritten + " removed=" + removed + " cancelled=" + cancelled
                    + " rejected=" + rejected.size() + (complete ? "" : " complete=false (offers missing from the feed were kept)")
                    + (keptByStaff > 0 ? " keptByStaff=" + keptByStaff : "")
                    + (held ? " held=true (the feed lists " + listed + " offers, " + before + " before: nothing withdrawn until an admin confirms)" : "");
        }
    }

    /** A feed with fewer offers than this may shrink freely; a larger one that drops to under half is held. */
    public static final int SHRINK_GUARD_FROM = 4;

    public static String locationId(String sourceId, String locationName) {
        return Ids.derived("loc", sourceId, locationName.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The id of offers imported before ids were readable; they keep it, so their addresses and links stay. */
    public static String offerId(String sourceId, String externalId) {
        return Ids.derived("imp", sourceId, externalId);
    }

    /** The id a newly imported offer gets: readable, and the same for the same feed row on every run. */
    public static String newOfferId(String title, String sourceId, String externalId) {
        return Ids.derived(title, sourceId, externalId);
    }

    public Report run(String sourceId, String organisationId, List<FeedLocation> locations, List<FeedOffer> feedOffers,
                      List<Problem> parseProblems) {
        return run(sourceId, organisationId, locations, feedOffers, parseProblems, false);
    }

    /**
     * @param shrinkConfirmed an admin confirmed that this feed now lists far fewer offers: withdraw
     *                        those that left it even when that is more than half
     */
    public Report run(String sourceId, String organisationId, List<FeedLocation> locations, List<FeedOffer> feedOffers,
                      List<Problem> parseProblems, boolean shrinkConfirmed) {
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

        // This source's offers as they were before the run, by the partner's id: one read, for the ids and the withdrawals.
        Map<String, Offer> stored = new LinkedHashMap<>();
        for (Offer o : catalog.offersOf(organisationId)) {
            if (o.source() != null && o.source().sourceId().equals(sourceId)) stored.putIfAbsent(o.source().externalId(), o);
        }
        OfferService checks = offers.withPlacesReadOnce();
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger(),
                updated = new java.util.concurrent.atomic.AtomicInteger(), unchanged = new java.util.concurrent.atomic.AtomicInteger();
        List<Runnable> writes = new ArrayList<>();
        List<Problem> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        for (FeedOffer f : feedOffers) {
            OfferInput input = f.input().withOrganisation(organisationId);
            String hash = Ids.sha256Hex(input.toString());
            Offer known = stored.get(f.externalId());
            if (known != null && known.source().takenOver()) continue; // staff's now: counted below
            // The one read above holds every offer's content hash: an unchanged offer costs no further read.
            if (known != null && Objects.equals(known.source().contentHash(), hash)) {
                unchanged.incrementAndGet();
                continue;
            }
            writes.add(() -> {
                try {
                    String id;
                    Offer existing;
                    if (known != null) {
                        id = known.id();
                        existing = catalog.offer(id).orElse(null); // with its sessions
                    } else {
                        id = newOfferId(f.input().title(), sourceId, f.externalId());
                        existing = catalog.offer(id).orElse(null);
                        if (existing != null && !isFrom(existing, sourceId, f.externalId())) {
                            // Taken by another offer (another source's, an editor's), which must never be replaced.
                            id = offerId(sourceId, f.externalId());
                            existing = catalog.offer(id).orElse(null);
                        }
                    }
                    if (existing != null && existing.source() != null && Objects.equals(existing.source().contentHash(), hash)) {
                        unchanged.incrementAndGet();
                        return;
                    }
                    Offer offer = OfferService.keepCourseEnrolments(existing, checks.checkImported(id,
                            new Offer.Source(sourceId, f.externalId(), hash), input, existing == null ? List.of() : existing.sessions()));
                    if (catalog.upsertImported(offer)) {
                        if (existing == null) created.incrementAndGet();
                        else updated.incrementAndGet();
                    } else {
                        unchanged.incrementAndGet();
                    }
                } catch (InvalidInputException e) {
                    List<Problem> each = new ArrayList<>();
                    for (FieldError error : e.errors()) each.add(new Problem(f.externalId(), f.line(), error.field() + ": " + error.message()));
                    refused.addAll(each);
                } catch (ConflictException | NotFoundException e) { // changed by someone else meanwhile: next night
                    refused.add(new Problem(f.externalId(), f.line(), e.getMessage()));
                }
            });
        }
        runAll(writes);
        List<Problem> inOrder = new ArrayList<>(refused);
        if (writers > 1) inOrder.sort(java.util.Comparator.comparingInt(Problem::line)); // feed order, whichever writer found them
        rejected.addAll(inOrder);

        int removed = 0, cancelled = 0;
        // A problem without an offer id means a row (or the rest of the feed) could not be read:
        // then an offer missing from what was read may still be in the feed.
        boolean complete = parseProblems.stream().allMatch(p -> p.externalId() != null && !p.externalId().isEmpty());
        Set<String> listed = new HashSet<>();
        for (FeedOffer f : feedOffers) listed.add(f.externalId());
        for (Problem p : parseProblems) if (p.externalId() != null && !p.externalId().isEmpty()) listed.add(p.externalId());
        int active = 0, keptByStaff = 0;
        for (Offer before : stored.values()) {
            if (before.source().takenOver()) keptByStaff++;
            else if (!WITHDRAWN.equals(before.source().contentHash())) active++;
        }
        // A feed that suddenly lists under half of what it had is more likely broken (an empty export, a filter left on) than emptied.
        boolean held = complete && !shrinkConfirmed && active >= SHRINK_GUARD_FROM && listed.size() * 2 < active;
        if (complete && !held) {
            for (Offer before : stored.values()) {
                // Staff's offers stay, also when the partner no longer lists them.
                if (listed.contains(before.source().externalId()) || WITHDRAWN.equals(before.source().contentHash()) || before.source().takenOver()) continue;
                Offer offer = catalog.offer(before.id()).orElse(null);
                if (offer == null) continue;
                if (catalog.removeOfferWithoutEnrolments(offer)) {
                    removed++;
                    continue;
                }
                try {
                    catalog.updateOffer(withdrawn(offer, clock.instant()));
                    cancelled++;
                } catch (ConflictException e) {
                    rejected.add(new Problem(offer.source().externalId(), 0, "Niet ingetrokken: " + e.getMessage()));
                }
            }
        }
        return new Report(sourceId, created.get(), updated.get(), unchanged.get(), locationsWritten, removed, cancelled, complete, List.copyOf(rejected),
                held, listed.size(), active, keptByStaff);
    }

    /** On this thread when there is one writer; else on that many threads, each write once, all done before this returns. */
    private void runAll(List<Runnable> writes) {
        if (writers == 1 || writes.size() < 2) {
            writes.forEach(Runnable::run);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(writers, writes.size()), r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Runnable w : writes) done.add(pool.submit(w));
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while importing", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isFrom(Offer offer, String sourceId, String externalId) {
        return offer.source() != null && offer.source().sourceId().equals(sourceId) && offer.source().externalId().equals(externalId);
    }

    /**
     * The offer with its dates that have not begun called off, marked as withdrawn from its feed
     * (without a feed's period: that would keep it listed; such an offer has no enrolments, so it
     * is removed rather than withdrawn anyway).
     */
    static Offer withdrawn(Offer offer, Instant now) {
        List<Session> sessions = offer.sessions().stream()
                .map(s -> s.hasStarted(now) ? s : new Session(s.id(), s.start(), s.end(), s.locationId(), s.seats(), s.taken(),
                        Session.SessionStatus.CANCELLED))
                .toList();
        Offer.Source source = new Offer.Source(offer.source().sourceId(), offer.source().externalId(), WITHDRAWN);
        return new Offer(offer.id(), offer.organisationId(), offer.title(), offer.summary(), offer.description(), offer.kind(),
                offer.programmeLine(), offer.themes(), offer.targetGroups(), offer.format(), offer.price(), offer.provider(),
                offer.moreInfoUrl(), offer.enrolmentScope(), source, now, sessions, OfferStatus.PUBLISHED, EnrolmentPolicy.DEFAULT,
                offer.languages());
    }

    /** A feed's place for sessions that happen online. */
    public static boolean isOnline(String name) {
        return name.strip().equalsIgnoreCase("online");
    }
}
