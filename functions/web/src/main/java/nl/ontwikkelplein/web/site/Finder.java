package nl.ontwikkelplein.web.site;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Languages;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.DutchFormat;
import nl.ontwikkelplein.web.model.CountedLink;
import nl.ontwikkelplein.web.model.Link;
import nl.ontwikkelplein.web.model.LinkGroup;
import nl.ontwikkelplein.web.model.ListPage;
import nl.ontwikkelplein.web.model.Pagination;

/**
 * The finder at {@code /zoeken/} for visitors without JavaScript: pre-rendered filter pages.
 * {@code /zoeken/} shows every filter with how many offers it has; {@code /zoeken/{filter}/}
 * lists those offers and offers a second filter, with counts; {@code /zoeken/{a}/{b}/} lists the
 * offers that match both. Each combination has one address: the filters in the order of
 * {@link #FACETS}. Only filters and combinations that find something get a page, and each is
 * one page: the first 25 results (soonest first) and the filters that make the list shorter.
 * Paging through hundreds of results helps nobody, and at 10,000 offers paged combinations
 * would be most of the bucket.
 *
 * <p>Filters: theme, town, weekday and part of the day ("dinsdagochtend"), free or paid, in
 * person or online, target group, language (only when the offers are in more than one), and
 * "places left". They apply to the offers in the lists
 * (not called off, with a date to come, or e-learning), on their dates to come.
 */
final class Finder {
    static final String BASE = "zoeken/";
    /** Search by word and instant filtering on the overview, when JavaScript runs (site/assets/js). */
    static final String SCRIPT = "/js/zoeken.js";

    /** The groups of filters, in the order a combination's address names them. */
    record Facet(String id, String heading) {}

    static final List<Facet> FACETS = List.of(new Facet("onderwerp", "Onderwerp"), new Facet("plaats", "Plaats"),
            new Facet("wanneer", "Wanneer"), new Facet("kosten", "Kosten"), new Facet("vorm", "Hoe"), new Facet("voor", "Voor wie"),
            new Facet("taal", "Taal"), new Facet("plekken", "Nog ruimte"));

    /** One filter: {@code slug} is its folder under /zoeken/, unique over all facets. */
    record Filter(int facet, String slug, String label) {}

    /**
     * The weekday filters, made once (every date of every offer picks two): per day of the week
     * the day itself ("dinsdag") and its parts ("dinsdagochtend": before 12, middag before 18,
     * avond), with sort keys that keep each day followed by its parts ("2-0", "2-1", …).
     */
    private static final Filter[][] WHEN = new Filter[7][4];
    private static final String[][] WHEN_ORDER = new String[7][4];

    static {
        String[] parts = {"", "ochtend", "middag", "avond"};
        for (DayOfWeek day : DayOfWeek.values()) {
            String weekday = day.getDisplayName(TextStyle.FULL, DutchFormat.DUTCH);
            for (int p = 0; p < parts.length; p++) {
                WHEN[day.ordinal()][p] = new Filter(2, weekday + parts[p], PublicSite.capitalise(weekday + parts[p]));
                WHEN_ORDER[day.ordinal()][p] = day.getValue() + "-" + p;
            }
        }
    }

    private final PublicSite site;
    private final PublicSite.Model m;
    /** Filter slug → filter, in display order per facet. */
    private final Map<String, Filter> filters = new LinkedHashMap<>();
    /** Filter slug → the offers it finds, in list order. */
    private final Map<String, List<Offer>> found = new LinkedHashMap<>();
    /** Offer id → the slugs of the filters that find it. */
    private Map<String, Set<String>> matches;

    Finder(PublicSite site, PublicSite.Model m) {
        this.site = site;
        this.m = m;
        index();
    }

    private void index() {
        List<Map<String, Filter>> perFacet = new ArrayList<>();
        for (int i = 0; i < FACETS.size(); i++) perFacet.add(new java.util.TreeMap<>());
        Map<String, Set<String>> matches = new LinkedHashMap<>(); // offer id → its filter slugs
        Map<String, java.util.Optional<Filter>> towns = new java.util.HashMap<>(); // location id → its town's filter, once per place
        // A language filter only helps when there is a choice: with every offer in Dutch it would double the pages and say nothing.
        Set<String> languages = new java.util.HashSet<>();
        for (Offer o : m.listed) languages.addAll(o.languages());
        List<String> languageOrder = Languages.sorted(languages);
        boolean byLanguage = languages.size() > 1;
        for (Offer o : m.listed) {
            Set<String> mine = new LinkedHashSet<>();
            for (String slug : m.themeSlugs.get(o.id())) {
                add(perFacet, mine, new Filter(0, "onderwerp-" + slug, PublicSite.capitalise(m.themes.getOrDefault(slug, slug))));
            }
            // E-learning is always open; of a period the provider keeps the places, so we cannot say.
            boolean placesLeft = o.sessions().isEmpty() && o.period() == null;
            if (o.period() != null && o.period().locationId() != null) {
                Filter town = towns.computeIfAbsent(o.period().locationId(), this::townOf).orElse(null);
                if (town != null) add(perFacet, mine, town);
            }
            for (Session s : o.sessions()) {
                if (s.isCancelled() || s.hasStarted(m.data.now())) continue;
                Filter town = s.locationId() == null ? null : towns.computeIfAbsent(s.locationId(), this::townOf).orElse(null);
                if (town != null) add(perFacet, mine, town);
                int day = s.start().getDayOfWeek().getValue() - 1;
                int part = s.start().getHour() < 12 ? 1 : s.start().getHour() < 18 ? 2 : 3;
                add(perFacet, mine, WHEN[day][0], WHEN_ORDER[day][0]);
                add(perFacet, mine, WHEN[day][part], WHEN_ORDER[day][part]);
                if (!s.isFull()) placesLeft = true;
            }
            if (o.price().isKnown()) // an unknown price is neither
                add(perFacet, mine, o.price().isFree() ? new Filter(3, "gratis", "Gratis") : new Filter(3, "betaald", "Betaald"), o.price().isFree() ? "0" : "1");
            if (o.format() != DeliveryFormat.ONLINE) add(perFacet, mine, new Filter(4, "op-locatie", "Op locatie"), "0");
            if (o.format() != DeliveryFormat.IN_PERSON) add(perFacet, mine, new Filter(4, "online", "Online"), "1");
            for (String group : o.targetGroups()) {
                String slug = m.slug(group);
                if (!slug.isEmpty()) add(perFacet, mine, new Filter(5, "voor-" + slug, PublicSite.capitalise(group.strip())));
            }
            if (byLanguage) for (String code : o.languages()) {
                String name = Languages.name(code);
                add(perFacet, mine, new Filter(6, "taal-" + Slugs.of(name), name), String.format(java.util.Locale.ROOT, "%03d", languageOrder.indexOf(code)));
            }
            if (placesLeft) add(perFacet, mine, new Filter(7, "plaatsen-vrij", "Nog plaats vrij"), "0");
            matches.put(o.id(), mine);
        }
        for (Map<String, Filter> facet : perFacet) for (Filter f : facet.values()) {
            filters.put(f.slug(), f);
            found.put(f.slug(), new ArrayList<>());
        }
        for (Offer o : m.listed) for (String slug : matches.get(o.id())) found.get(slug).add(o);
        this.matches = matches;
    }

    /** The town filter of a place: from its address; none for online places or without a town. */
    private java.util.Optional<Filter> townOf(String locationId) {
        Location l = m.data.locations().get(locationId);
        if (l == null || l.kind() == Location.LocationKind.ONLINE || l.address() == null || l.address().city() == null) return java.util.Optional.empty();
        String city = l.address().city().strip();
        String slug = Slugs.of(city);
        return slug.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Filter(1, "plaats-" + slug, city));
    }

    private static void add(List<Map<String, Filter>> perFacet, Set<String> mine, Filter f) { add(perFacet, mine, f, f.slug()); }

    private static void add(List<Map<String, Filter>> perFacet, Set<String> mine, Filter f, String order) {
        perFacet.get(f.facet()).putIfAbsent(order, f);
        mine.add(f.slug());
    }

    /** The finder's sections: the overview, a page per filter, a page per combination of two filters of different kinds. */
    void sections(List<PublicSite.Section> out) {
        Link toHome = new Link("/", "Terug naar de startpagina");
        Link toFinder = new Link("/" + BASE, "Terug naar zoeken");
        List<LinkGroup> overview = groups(found, null);
        List<SitePage> index = List.of(SitePage.text(BASE + "index.html", SitePage.HTML, () -> site.pages().list(new ListPage(
                site.pages().meta("Zoeken en kiezen", "Kies een onderwerp, een plaats, een dag of iets anders. U ziet meteen hoeveel er is.", "/" + BASE)
                        .withScript(SCRIPT),
                "Zoeken en kiezen", "Kies een onderwerp, een plaats, een dag of iets anders. U ziet meteen hoeveel er is.", toHome, List.of(), List.of(),
                found.isEmpty() ? "Er is nu niets te vinden. Kijk later nog eens." : "Kies hieronder wat u zoekt.",
                new Pagination(1, 1, null, null, List.of()), null, overview))));
        out.add(new PublicSite.Section(BASE, false, index, null));
        // Every pair of filters an offer matches, in one pass (offers in list order, so each pair's list is too).
        Map<String, Map<String, List<Offer>>> pairs = new java.util.HashMap<>();
        for (Offer o : m.listed) {
            List<Filter> mine = new ArrayList<>();
            for (String slug : matches.get(o.id())) mine.add(filters.get(slug));
            for (Filter a : mine) {
                Map<String, List<Offer>> with = pairs.computeIfAbsent(a.slug(), k -> new java.util.HashMap<>());
                for (Filter b : mine) if (a.facet() != b.facet()) with.computeIfAbsent(b.slug(), k -> new ArrayList<>()).add(o);
            }
        }
        for (Filter a : filters.values()) {
            List<Offer> first = found.get(a.slug());
            Set<String> firstIds = ids(first);
            // Second filters: of another kind, counted within the first, in the finder's order.
            Map<String, List<Offer>> within = new LinkedHashMap<>();
            Map<String, List<Offer>> with = pairs.getOrDefault(a.slug(), Map.of());
            for (Filter b : filters.values()) if (with.containsKey(b.slug())) within.put(b.slug(), with.get(b.slug()));
            String folder = BASE + a.slug() + "/";
            site.firstOffers(out, m, folder, a.label(), count(first.size()), toFinder, first, groups(within, a), firstIds);
            for (Map.Entry<String, List<Offer>> e : within.entrySet()) {
                Filter b = filters.get(e.getKey());
                if (b.facet() < a.facet()) continue; // the combination lives under the filter named first
                List<LinkGroup> remove = List.of(new LinkGroup("Een keuze weghalen", "weghalen", List.of(
                        // No counts here: they would make this page change with every offer of either filter.
                        new CountedLink("/" + BASE + a.slug() + "/", "Alleen " + lower(a), null),
                        new CountedLink("/" + BASE + b.slug() + "/", "Alleen " + lower(b), null))));
                site.firstOffers(out, m, folder + b.slug() + "/", a.label() + " en " + lower(b), count(e.getValue().size()),
                        new Link("/" + folder, "Terug naar " + lower(a)), e.getValue(), remove, ids(e.getValue()));
            }
        }
    }

    /** Links to filters with their counts, per facet; after {@code first}, to the combination with it. */
    private List<LinkGroup> groups(Map<String, List<Offer>> counts, Filter first) {
        List<LinkGroup> out = new ArrayList<>();
        for (int i = 0; i < FACETS.size(); i++) {
            if (first != null && i == first.facet()) continue;
            List<CountedLink> links = new ArrayList<>();
            for (Filter f : filters.values()) {
                if (f.facet() != i || !counts.containsKey(f.slug())) continue;
                String href = first == null ? "/" + BASE + f.slug() + "/"
                        : first.facet() < f.facet() ? "/" + BASE + first.slug() + "/" + f.slug() + "/" : "/" + BASE + f.slug() + "/" + first.slug() + "/";
                links.add(new CountedLink(href, f.label(), counts.get(f.slug()).size()));
            }
            String id = "filter-" + FACETS.get(i).id();
            if (!links.isEmpty()) out.add(new LinkGroup(first == null ? FACETS.get(i).heading() : "Ook kiezen: " + FACETS.get(i).heading().toLowerCase(DutchFormat.DUTCH),
                    id, links));
        }
        return out;
    }

    /** Labels after "en" or "Alleen": themes, towns and languages keep their capitals, the rest reads as a word in a sentence. */
    private static String lower(Filter f) {
        return f.facet() == 0 || f.facet() == 1 || f.facet() == 6 ? f.label() : f.label().toLowerCase(DutchFormat.DUTCH);
    }

    /** What the page says about its result: how many, and when it shows only the first ones, how to see fewer. */
    private static String count(int n) {
        if (n == 1) return "1 cursus of activiteit gevonden.";
        if (n <= PublicSite.OFFERS_PER_PAGE) return n + " cursussen en activiteiten gevonden.";
        return n + " cursussen en activiteiten gevonden. U ziet de eerste " + PublicSite.OFFERS_PER_PAGE
                + ". Kies hieronder nog iets, dan wordt de lijst korter.";
    }

    private static Set<String> ids(List<Offer> offers) {
        Set<String> out = new java.util.HashSet<>();
        for (Offer o : offers) out.add(o.id());
        return out;
    }

    /**
     * The filters that find an offer, per facet id ({@code "plaats" → ["plaats-dedemsvaart"]}): the
     * same filters, with the same slugs, as the pre-rendered pages, so the search index filters
     * exactly as they do. Empty for an offer that is not in the lists.
     */
    Map<String, List<String>> facetsOf(String offerId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String slug : matches.getOrDefault(offerId, Set.of())) {
            out.computeIfAbsent(FACETS.get(filters.get(slug).facet()).id(), k -> new ArrayList<>()).add(slug);
        }
        return out;
    }

    /** How many offers a filter finds (tests, the overview). */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        found.forEach((slug, list) -> out.put(slug, list.size()));
        return out;
    }
}
