package nl.ontwikkelplein.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.OfferInput.SessionInput;
import nl.ontwikkelplein.domain.Session;

/**
 * The dates a reader found for its offers, as sessions at the feed's places: only those from today
 * until {@value #HORIZON_DAYS} days ahead, in time order, one per start time, the first
 * {@link OfferService#MAX_SESSIONS} (later ones come into view on later nights).
 */
final class FeedSessions {
    static final int HORIZON_DAYS = 180;

    /** One date of an offer, in Dutch local time. */
    record Dated(LocalDateTime start, LocalDateTime end, FeedLocation place, boolean cancelled) {}

    private final String sourceId;
    final LocalDateTime from, until;
    private final Map<String, FeedLocation> locations = new LinkedHashMap<>();

    FeedSessions(String sourceId, Instant now) {
        this.sourceId = sourceId;
        this.from = now.atZone(Session.ZONE).toLocalDate().atStartOfDay();
        this.until = from.plusDays(HORIZON_DAYS);
    }

    boolean inWindow(LocalDateTime start) { return !start.isBefore(from) && start.isBefore(until); }

    /** The sessions of one offer; empty when none of its dates is in the window (over, or not yet in view). */
    List<SessionInput> sessions(Collection<Dated> dates) {
        TreeMap<LocalDateTime, Dated> byStart = new TreeMap<>();
        for (Dated d : dates) if (inWindow(d.start())) byStart.putIfAbsent(d.start(), d);
        List<SessionInput> out = new ArrayList<>();
        for (Dated d : byStart.values()) {
            if (out.size() == OfferService.MAX_SESSIONS) break;
            locations.putIfAbsent(d.place().name().toLowerCase(Locale.ROOT), d.place());
            out.add(new SessionInput(null, d.start().toString(), d.end().toString(), PartnerImport.locationId(sourceId, d.place().name()),
                    null, d.cancelled() ? "CANCELLED" : null));
        }
        return out;
    }

    /**
     * The period of an offer without dates, when it is not over and begins within the window
     * (later ones come into view on later nights); its place null when online.
     *
     * @throws IllegalArgumentException when it ends before it starts or lasts over two years (the offer is refused)
     */
    nl.ontwikkelplein.domain.OfferInput.PeriodInput period(java.time.LocalDate start, java.time.LocalDate end, FeedLocation place) {
        if (end.isBefore(start)) throw new IllegalArgumentException("De endDate ligt voor de startDate");
        if (end.isAfter(start.plusYears(2))) throw new IllegalArgumentException("Het duurt langer dan twee jaar (startDate tot endDate)");
        if (end.isBefore(from.toLocalDate()) || !start.isBefore(until.toLocalDate())) return null;
        String locationId = null;
        if (place != null && !PartnerImport.isOnline(place.name())) {
            locations.putIfAbsent(place.name().toLowerCase(Locale.ROOT), place);
            locationId = PartnerImport.locationId(sourceId, place.name());
        }
        return new nl.ontwikkelplein.domain.OfferInput.PeriodInput(start.toString(), end.toString(), locationId);
    }

    /** Every date in the window is online (then the offer is an online one). */
    boolean allOnline(Collection<Dated> dates) {
        List<Dated> shown = dates.stream().filter(d -> inWindow(d.start())).toList();
        return !shown.isEmpty() && shown.stream().allMatch(d -> PartnerImport.isOnline(d.place().name()));
    }

    /** Every place a session of this feed is at, each once. */
    List<FeedLocation> locations() { return List.copyOf(locations.values()); }
}
