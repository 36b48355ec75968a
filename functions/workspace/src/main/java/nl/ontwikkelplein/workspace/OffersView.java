package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Permissions;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.DutchFormat;
import nl.ontwikkelplein.web.workspace.OfferRow;
import nl.ontwikkelplein.web.workspace.OffersPage;
import nl.ontwikkelplein.web.workspace.StaffPage;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/** "Ons aanbod": one organisation's offers, searched by text and paged; only the page's offers are read in full. */
final class OffersView {
    static final int PAGE_SIZE = 25;

    private final Catalog catalog;
    private final WorkspacePages pages;
    private final Clock clock;

    OffersView(Catalog catalog, WorkspacePages pages, Clock clock) {
        this.catalog = catalog;
        this.pages = pages;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse page(WebRequest request, Actor actor, StaffPage staffPage) {
        Map<String, Organisation> all = catalog.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<Organisation> mine = all.values().stream().filter(o -> Permissions.may(actor, Permission.VIEW_OFFERS, o.id()))
                .sorted(Comparator.comparing(Organisation::name)).toList();
        String asked = request.query("organisatie");
        String organisationId = asked.isEmpty() ? (mine.isEmpty() ? null : mine.get(0).id()) : asked;
        Permissions.require(actor, Permission.VIEW_OFFERS, organisationId);
        Organisation organisation = all.get(organisationId);
        if (organisation == null) throw new WebRequest.BadRequest(404, "Deze organisatie bestaat niet.");

        String query = request.query("zoek").strip();
        if (query.length() > 100) query = query.substring(0, 100);
        String needle = query.toLowerCase(Locale.ROOT);
        String statusFilter = request.query("status");
        OfferStatus status = null;
        for (OfferStatus st : OfferStatus.values()) if (st.name().equals(statusFilter)) status = st;
        OfferStatus wanted = status;
        String place = request.query("locatie");
        List<Offer> matching = catalog.offerSummaries(organisationId).stream()
                .filter(x -> place.isEmpty() || x.locationIds().contains(place))
                .map(nl.ontwikkelplein.domain.OfferSummary::offer)
                .filter(o -> wanted == null || o.status() == wanted)
                .filter(o -> needle.isEmpty() || contains(o.title(), needle) || contains(o.summary(), needle) || contains(o.provider(), needle))
                .sorted(Comparator.comparing((Offer o) -> o.title().toLowerCase(Locale.ROOT)).thenComparing(Offer::id))
                .toList();
        int pageCount = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pageCount, Math.max(1, parsePage(request.query("pagina"))));
        int from = (page - 1) * PAGE_SIZE, to = Math.min(matching.size(), from + PAGE_SIZE);
        Instant now = clock.instant();
        List<OfferRow> rows = new ArrayList<>();
        for (Offer summary : matching.subList(from, to)) {
            Offer offer = catalog.offer(summary.id()).orElse(summary);
            rows.add(row(offer, now));
        }
        String range = matching.isEmpty() ? (needle.isEmpty() ? "Nog geen aanbod." : "Niets gevonden voor ‘" + query + "’.")
                : "Aanbod " + (from + 1) + " tot en met " + to + " van " + matching.size() + ".";
        List<OffersPage.Choice> choices = mine.stream().map(o -> new OffersPage.Choice(o.id(), o.name(), o.id().equals(organisationId))).toList();
        String base = "/beheer/aanbod?organisatie=" + encode(organisationId) + (query.isEmpty() ? "" : "&zoek=" + encode(query))
                + (wanted == null ? "" : "&status=" + wanted.name()) + (place.isEmpty() ? "" : "&locatie=" + encode(place));
        String previous = page > 1 ? base + "&pagina=" + (page - 1) : null;
        String next = page < pageCount ? base + "&pagina=" + (page + 1) : null;
        List<OffersPage.Choice> statuses = new ArrayList<>();
        statuses.add(new OffersPage.Choice("", "Alle", wanted == null));
        for (OfferStatus st : OfferStatus.values()) statuses.add(new OffersPage.Choice(st.name(), OfferPages.statusLabel(st), st == wanted));
        List<OffersPage.Choice> places = new ArrayList<>();
        places.add(new OffersPage.Choice("", "Alle locaties", place.isEmpty()));
        for (nl.ontwikkelplein.domain.Location l : catalog.locations())
            if (organisationId.equals(l.organisationId())) places.add(new OffersPage.Choice(l.id(), l.name(), l.id().equals(place)));
        String newHref = Permissions.may(actor, Permission.EDIT_OFFERS, organisationId) ? "/beheer/aanbod/nieuw?organisatie=" + encode(organisationId) : null;
        return WebResponse.html(200, pages.offers(new OffersPage(staffPage, organisationId, organisation.name(), choices, query, statuses, places, rows,
                matching.size(), range, previous, next, newHref)));
    }

    private static OfferRow row(Offer offer, Instant now) {
        List<Session> upcoming = offer.sessions().stream().filter(s -> !s.hasStarted(now) && !s.isCancelled())
                .sorted(Comparator.comparing(Session::startInstant)).toList();
        String nextDate = upcoming.isEmpty() ? null
                : DutchFormat.date(upcoming.get(0).start().toLocalDate()) + ", " + DutchFormat.time(upcoming.get(0).start().toLocalTime());
        String seats;
        if (upcoming.isEmpty() && offer.period() != null) {
            nextDate = DutchFormat.period(offer.period());
            seats = "Aanmelden bij de aanbieder";
        } else if (upcoming.isEmpty()) seats = "–";
        else if (!upcoming.get(0).needsEnrolment()) seats = "Vrije inloop";
        else {
            Session s = upcoming.get(0);
            seats = s.taken() + " van " + s.seats() + " bezet, " + s.seatsLeft() + " vrij";
        }
        return new OfferRow(offer.id(), offer.title(), OfferPages.statusLabel(offer.status()), OfferPages.statusClass(offer.status()), nextDate, seats,
                OfferPages.offerHref(offer.id()));
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static int parsePage(String value) {
        try {
            return value.isEmpty() ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
