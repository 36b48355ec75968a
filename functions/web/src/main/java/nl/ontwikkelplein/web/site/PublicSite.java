package nl.ontwikkelplein.web.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.DutchFormat;
import nl.ontwikkelplein.web.Ics;
import nl.ontwikkelplein.web.Pages;
import nl.ontwikkelplein.web.model.AgendaDay;
import nl.ontwikkelplein.web.model.CountedLink;
import nl.ontwikkelplein.web.model.HomePage;
import nl.ontwikkelplein.web.model.Link;
import nl.ontwikkelplein.web.model.LinkGroup;
import nl.ontwikkelplein.web.model.ListPage;
import nl.ontwikkelplein.web.model.OfferCard;
import nl.ontwikkelplein.web.model.Pagination;
import nl.ontwikkelplein.web.model.TileLink;

/**
 * Which pages the public site has besides the offer pages, and what is on them: the home page,
 * the agenda (all dates, this week, next week, per day), an agenda per library organisation and
 * per branch, the offers per programme line, per theme and per question tile, and the sitemap.
 * Every list is paged; a list that is empty has no pages (except the agenda and the weeks, which
 * say so).
 *
 * <p>A pure function of {@link SiteData}: the same data gives the same bytes, so a publisher can
 * compare against what is online and write only what changed.
 */
public final class PublicSite {
    public static final int DATES_PER_PAGE = 40;
    public static final int OFFERS_PER_PAGE = 25;
    public static final int HOME_DATES = 20;
    /** The sitemap protocol's limit per file; past it, sitemap.xml becomes an index. */
    public static final int SITEMAP_URLS = 50_000;

    private final Pages pages;

    public PublicSite(Pages pages) { this.pages = pages; }

    Pages pages() { return pages; }

    /**
     * The offers of the lists as records for the finder's text search, in list order (soonest
     * first), with the finder's filters. Text is plain: the index escapes nothing, the page that
     * shows a result sets it as text.
     */
    public List<SearchRecord> searchRecords(SiteData data) {
        Model m = new Model(data);
        Finder finder = new Finder(this, m);
        List<SearchRecord> out = new ArrayList<>(m.listed.size());
        for (Offer o : m.listed) {
            Organisation org = data.organisations().get(o.organisationId());
            OfferCard card = pages.offerCard(o, data.locations(), org, data.now());
            StringBuilder content = new StringBuilder(o.title());
            java.util.function.Consumer<String> add = t -> { if (t != null && !t.isBlank()) content.append('\n').append(t.strip()); };
            add.accept(o.summary());
            add.accept(firstWords(o.description(), SEARCH_DESCRIPTION_WORDS));
            o.themes().forEach(add);
            o.targetGroups().forEach(add);
            // "Arabisch" finds what is given in Arabic; "Nederlands" would find nearly everything.
            if (!nl.ontwikkelplein.domain.Languages.onlyDutch(o.languages())) nl.ontwikkelplein.domain.Languages.names(o.languages()).forEach(add);
            add.accept(o.programmeLine() == null ? null : o.programmeLine().label());
            add.accept(card.kind());
            add.accept(org == null ? null : org.name());
            java.util.Set<String> places = new java.util.LinkedHashSet<>();
            List<String> placeIds = new ArrayList<>();
            for (Session s : o.sessions()) if (!s.isCancelled() && !s.hasStarted(data.now())) placeIds.add(s.locationId());
            if (o.period() != null) placeIds.add(o.period().locationId());
            for (String id : placeIds) {
                Location l = id == null ? null : data.locations().get(id);
                if (l == null) continue;
                places.add(l.name());
                if (l.address() != null && l.address().city() != null) places.add(l.address().city());
            }
            places.forEach(add);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("title", o.title());
            putIfText(meta, "samenvatting", card.summary());
            putIfText(meta, "wanneer", card.next() == null ? null : card.more() == null ? card.next() : card.next() + " " + card.more());
            putIfText(meta, "waar", card.place());
            putIfText(meta, "kosten", card.price());
            putIfText(meta, "soort", card.kind());
            out.add(new SearchRecord(card.href(), content.toString(), meta, finder.facetsOf(o.id())));
        }
        return out;
    }

    /**
     * How much of a description the search indexes: its opening, which says what the offer is.
     * Every word indexed is a position in the index chunks and a word in the result fragment a
     * visitor downloads; whole descriptions put the first answer at 5,000 offers over its 150 KB.
     */
    public static final int SEARCH_DESCRIPTION_WORDS = 60;

    static String firstWords(String text, int n) {
        if (text == null) return null;
        String[] words = text.strip().split("\\s+", n + 1);
        return words.length <= n ? text.strip() : String.join(" ", java.util.Arrays.asList(words).subList(0, n));
    }

    private static void putIfText(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) meta.put(key, value);
    }

    /** The object key of an offer's page. */
    public static String offerKey(String offerId) { return "aanbod/" + offerId + "/index.html"; }

    /** Top-level folders and root files this class writes: what a full build may clean up. */
    public static final List<String> LIST_PREFIXES = List.of("index.html", "agenda/", "bibliotheek/", "vestiging/", "lijn/", "thema/",
            "leren/", "zoeken/", "sitemap", "robots.txt");

    /** Every page except the offer pages and the assets, in a stable order. */
    public List<SitePage> listPages(SiteData data) {
        List<SitePage> out = new ArrayList<>();
        for (Section s : sections(data)) out.addAll(s.pages());
        return out;
    }

    /**
     * The site's lists, each with all its pages in one folder and the offers it shows. A change
     * to an offer needs only the sections it was and is in (plus the home page and the agenda's
     * first page, which count everything); dated lists are split per week, so one change rewrites
     * a week, not every page after it.
     */
    public List<Section> sections(SiteData data) {
        Model m = new Model(data);
        List<Section> out = new ArrayList<>();
        LocalDate today = DutchFormat.today(data.now());
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Link toAgenda = new Link("/agenda/", "Terug naar de agenda");
        Link toHome = new Link("/", "Terug naar de startpagina");

        dated(out, m, "agenda/", "Agenda", "Alles wat er de komende tijd is in de bibliotheken.", toHome, m.dates,
                "Er staat nu niets in de agenda. Kijk later nog eens.", m.agendaGroups, null);
        pagedDates(out, m, "agenda/deze-week/", "Deze week", "Alles van " + DutchFormat.dateWithoutYear(monday) + " tot en met "
                + DutchFormat.dateWithoutYear(monday.plusDays(6)) + ".", toAgenda,
                m.between(monday, monday.plusDays(7)), "Deze week staat er niets meer in de agenda.", true);
        pagedDates(out, m, "agenda/volgende-week/", "Volgende week", "Alles van " + DutchFormat.dateWithoutYear(monday.plusDays(7)) + " tot en met "
                + DutchFormat.dateWithoutYear(monday.plusDays(13)) + ".", toAgenda,
                m.between(monday.plusDays(7), monday.plusDays(14)), "Volgende week staat er nog niets in de agenda.", true);
        Map<LocalDate, List<AgendaEntry>> byDay = new TreeMap<>();
        for (AgendaEntry e : m.dates) byDay.computeIfAbsent(e.session().start().toLocalDate(), d -> new ArrayList<>()).add(e);
        byDay.forEach((day, entries) -> pagedDates(out, m, "agenda/" + day + "/", capitalise(DutchFormat.dayHeading(day, today)), null, toAgenda,
                entries, "", false));
        for (Organisation org : data.organisationsByName()) {
            List<AgendaEntry> entries = m.byOrganisation.getOrDefault(org.id(), List.of());
            if (entries.isEmpty()) continue;
            dated(out, m, "bibliotheek/" + org.id() + "/", org.name(), "De agenda van " + org.name() + ".", toAgenda,
                    entries, "", List.of(m.branchGroup(org.id())), org.name());
        }
        for (Location loc : m.locationsWithDates) {
            List<AgendaEntry> entries = m.byLocation.getOrDefault(loc.id(), List.of());
            Organisation org = data.organisations().get(loc.organisationId());
            Link back = org == null ? toAgenda : new Link("/bibliotheek/" + org.id() + "/", "Terug naar " + org.name());
            dated(out, m, "vestiging/" + loc.id() + "/", loc.name(), address(loc), back, entries, "", List.of(), loc.name());
        }
        for (ProgrammeLine line : ProgrammeLine.values()) {
            offers(out, m, "lijn/" + Slugs.of(line.label()) + "/", line.label(), null, toHome, o -> o.programmeLine() == line, false, null);
        }
        m.themes.forEach((slug, label) -> offerList(out, m, "thema/" + slug + "/", capitalise(label), null, toHome,
                m.byTheme.getOrDefault(slug, List.of()), false, capitalise(label), List.of(), null));
        for (Tiles.Tile tile : Tiles.ALL) {
            offers(out, m, tile.href().substring(1), tile.heading(), tile.intro(), toHome, tile::matches, true, null);
        }
        new Finder(this, m).sections(out);
        List<SitePage> root = new ArrayList<>();
        root.add(SitePage.text("index.html", SitePage.HTML, () -> home(m)));
        sitemap(root, out, data);
        root.add(SitePage.text("robots.txt", SitePage.TEXT, this::robots));
        out.add(0, new Section("", false, root, null));
        return out;
    }

    /**
     * One list of the site with all its pages, in one folder.
     *
     * @param folder   "thema/taal/" ("" for the home page, the sitemap and robots.txt)
     * @param paged    whether it has numbered pages ({folder}2/index.html …) besides the files in its folder
     * @param offerIds the offers it shows or counts; null: every offer (the home page, the agenda's first page)
     */
    public record Section(String folder, boolean paged, List<SitePage> pages, java.util.Set<String> offerIds) {
        private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("[0-9]+/index\\.html");
        private static final java.util.regex.Pattern ROOT = java.util.regex.Pattern.compile("index\\.html|robots\\.txt|sitemap(-[0-9]+)?\\.xml");

        public Section {
            pages = List.copyOf(pages);
            // A read-only view, not a copy: sections are made by the thousand, some with thousands of ids, from sets made for them.
            offerIds = offerIds == null ? null : java.util.Collections.unmodifiableSet(offerIds);
        }

        /** Whether a file online belongs to this section: a file in its folder, or a numbered page of it. Nested folders are other sections. */
        public boolean owns(String key) {
            if (!key.startsWith(folder)) return false;
            String rest = key.substring(folder.length());
            if (folder.isEmpty()) return ROOT.matcher(rest).matches();
            return rest.indexOf('/') < 0 || (paged && NUMBERED.matcher(rest).matches());
        }

        public boolean shows(String offerId) { return offerIds == null || offerIds.contains(offerId); }
    }

    /** The folder of the week a day is in: ISO weeks, as Dutch calendars count them ("2026-51"). */
    public static String week(LocalDate day) {
        return String.format(java.util.Locale.ROOT, "%d-%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    // ------------------------------------------------------------------ the pages

    private String home(Model m) {
        List<TileLink> tiles = Tiles.ALL.stream().map(t -> new TileLink(t.href(), t.label(), t.svg())).toList();
        List<AgendaEntry> soon = m.dates.stream().limit(HOME_DATES).toList();
        Link more = new Link("/agenda/", m.dates.size() > soon.size() ? "Bekijk de hele agenda" : "Naar de agenda");
        return pages.home(new HomePage(pages.homeMeta(), tiles, pages.agendaDays(soon, m.data.locations(), m.data.organisations(), m.data.now()),
                more, m.agendaGroups));
    }

    /**
     * An agenda of many dates (everything, an organisation, a branch): a first page with the
     * dates coming up, the weeks with how many dates each, and its feed; then a paged section per
     * week ({base}week/2026-51/).
     */
    private void dated(List<Section> out, Model m, String base, String heading, String intro, Link back, List<AgendaEntry> entries,
                       String empty, List<LinkGroup> groups, String feedName) {
        Map<String, List<AgendaEntry>> weeks = new LinkedHashMap<>();
        // Entries come in time order, so a week's dates follow each other: look the week up only when it changes.
        String current = null;
        List<AgendaEntry> inWeek = null;
        for (AgendaEntry e : entries) {
            String w = m.weekOf(e.session().start().toLocalDate());
            if (!w.equals(current)) {
                current = w;
                inWeek = weeks.computeIfAbsent(w, k -> new ArrayList<>());
            }
            inWeek.add(e);
        }
        List<CountedLink> weekLinks = new ArrayList<>();
        Link toList = new Link("/" + base, "Terug naar " + (base.equals("agenda/") ? "de agenda" : heading));
        weeks.forEach((w, list) -> {
            LocalDate monday = list.get(0).session().start().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            String label = "Week " + Integer.parseInt(w.substring(w.indexOf('-') + 1)) + ": " + DutchFormat.dateWithoutYear(monday)
                    + " tot en met " + DutchFormat.dateWithoutYear(monday.plusDays(6));
            weekLinks.add(new CountedLink("/" + base + "week/" + w + "/", label, list.size()));
            pagedDates(out, m, base + "week/" + w + "/", heading + ": " + label.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + label.substring(1),
                    null, toList, list, "", false);
        });
        List<SitePage> files = new ArrayList<>();
        Link feed = feedName == null || entries.isEmpty() ? null : feed(files, m, base, feedName, entries);
        List<AgendaEntry> soon = entries.subList(0, Math.min(entries.size(), DATES_PER_PAGE));
        List<LinkGroup> all = new ArrayList<>(groups);
        if (weeks.size() > 1 || entries.size() > soon.size()) all.add(0, new LinkGroup("Per week", "per-week", weekLinks));
        files.add(0, SitePage.text(base + "index.html", SitePage.HTML, () -> {
            List<AgendaDay> days = pages.agendaDays(soon, m.data.locations(), m.data.organisations(), m.data.now());
            return pages.list(new ListPage(pages.meta(heading, intro, "/" + base), heading, intro, back,
                    days, List.of(), empty, pagination(base, 1, 1), feed, List.copyOf(all)));
        }));
        // The first page counts the dates per week (and per branch), so every offer listed here is on it.
        out.add(new Section(base, false, files, base.equals("agenda/") ? null : idsOf(entries)));
    }

    private static java.util.Set<String> idsOf(List<AgendaEntry> entries) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (AgendaEntry e : entries) ids.add(e.offerId());
        return ids;
    }

    /** Dates, 40 per page, in one folder. */
    private void pagedDates(List<Section> out, Model m, String base, String heading, String intro, Link back, List<AgendaEntry> entries,
                            String empty, boolean alwaysOne) {
        List<SitePage> files = new ArrayList<>();
        int pageCount = Math.max(alwaysOne ? 1 : 0, (entries.size() + DATES_PER_PAGE - 1) / DATES_PER_PAGE);
        for (int p = 1; p <= pageCount; p++) {
            int page = p;
            List<AgendaEntry> slice = entries.subList(Math.min(entries.size(), (p - 1) * DATES_PER_PAGE), Math.min(entries.size(), p * DATES_PER_PAGE));
            files.add(SitePage.text(key(base, p), SitePage.HTML, () -> {
                List<AgendaDay> days = pages.agendaDays(slice, m.data.locations(), m.data.organisations(), m.data.now());
                return pages.list(new ListPage(pages.meta(title(heading, page), intro, href(base, page)), heading, intro, back,
                        days, List.of(), empty, pagination(base, page, pageCount), null, List.of()));
            }));
        }
        out.add(new Section(base, true, files, idsOf(entries)));
    }

    private void offers(List<Section> out, Model m, String base, String heading, String intro, Link back, Predicate<Offer> filter,
                        boolean alwaysOne, String feedName) {
        offerList(out, m, base, heading, intro, back, m.listed.stream().filter(filter).toList(), alwaysOne, feedName, List.of(), null);
    }

    /**
     * One page of offers in a folder: the first {@link #OFFERS_PER_PAGE} of {@code matching}
     * (the finder, where a long result is narrowed with another filter rather than paged through).
     *
     * @param members the offers the page depends on (its counts); a set made for this call, which the section keeps
     */
    void firstOffers(List<Section> out, Model m, String base, String heading, String intro, Link back, List<Offer> matching,
                     List<LinkGroup> groups, java.util.Set<String> members) {
        java.util.Set<String> ids = members; // the caller's own set, kept by the section (the finder makes thousands: no copies)
        List<Offer> shown = matching.subList(0, Math.min(matching.size(), OFFERS_PER_PAGE));
        for (Offer o : shown) ids.add(o.id());
        SitePage page = SitePage.text(base + "index.html", SitePage.HTML, () -> {
            List<OfferCard> cards = shown.stream()
                    .map(o -> pages.offerCard(o, m.data.locations(), m.data.organisations().get(o.organisationId()), m.data.now())).toList();
            return pages.list(new ListPage(pages.meta(heading, intro, "/" + base), heading, intro, back, List.of(), cards,
                    "Hier staat nu niets. Kijk later nog eens, of vraag het in de bibliotheek.", pagination(base, 1, 1), null, groups));
        });
        out.add(new Section(base, false, List.of(page), ids));
    }

    /**
     * A paged list of offers in one folder ({@link #OFFERS_PER_PAGE} a page), with an optional feed
     * of their dates and link groups on the first page.
     *
     * @param members the offers the section depends on (the first page's counts may count more than it lists); null: those listed
     */
    void offerList(List<Section> out, Model m, String base, String heading, String intro, Link back, List<Offer> matching,
                   boolean alwaysOne, String feedName, List<LinkGroup> groups, java.util.Set<String> members) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Offer o : matching) ids.add(o.id());
        List<SitePage> files = new ArrayList<>();
        List<AgendaEntry> feedEntries = feedName == null ? List.of() : m.datesOf(matching);
        for (AgendaEntry e : feedEntries) ids.add(e.offerId()); // a called-off offer is not listed, but its dates say so in the feed
        if (members != null) ids.addAll(members);
        Link feed = feedEntries.isEmpty() ? null : feed(files, m, base, feedName, feedEntries);
        int pageCount = Math.max(alwaysOne ? 1 : 0, (matching.size() + OFFERS_PER_PAGE - 1) / OFFERS_PER_PAGE);
        for (int p = 1; p <= pageCount; p++) {
            int page = p;
            List<Offer> slice = matching.subList(Math.min(matching.size(), (p - 1) * OFFERS_PER_PAGE), Math.min(matching.size(), p * OFFERS_PER_PAGE));
            files.add(SitePage.text(key(base, p), SitePage.HTML, () -> {
                List<OfferCard> cards = slice.stream()
                        .map(o -> pages.offerCard(o, m.data.locations(), m.data.organisations().get(o.organisationId()), m.data.now())).toList();
                return pages.list(new ListPage(pages.meta(title(heading, page), intro, href(base, page)), heading, intro, back,
                        List.of(), cards, "Hier staat nu niets. Kijk later nog eens, of vraag het in de bibliotheek.",
                        pagination(base, page, pageCount), feed, page == 1 ? groups : List.of()));
            }));
        }
        if (!files.isEmpty()) out.add(new Section(base, true, files, ids));
    }

    /**
     * Dates per subscribable feed, earliest first: calendar apps on phones choke on feeds of many
     * thousands of events, and an organisation's feed in a region would have that many.
     */
    public static final int FEED_EVENTS = 500;

    /** A subscribable calendar of a list's dates at {@code base + "agenda.ics"}; returns the link to it. */
    private Link feed(List<SitePage> out, Model m, String base, String name, List<AgendaEntry> all) {
        List<AgendaEntry> entries = all.size() <= FEED_EVENTS ? all : all.subList(0, FEED_EVENTS);
        out.add(SitePage.text(base + "agenda.ics", SitePage.CALENDAR, () -> Ics.feed(name + " – Ontwikkelplein",
                entries.stream().map(e -> new Ics.Item(m.byId.get(e.offerId()), e.session(), m.data.locations().get(e.session().locationId()))).toList())));
        return new Link("/" + base + "agenda.ics", "Zet deze datums in de agenda van uw telefoon of computer");
    }

    private void sitemap(List<SitePage> out, List<Section> sections, SiteData data) {
        if (pages.baseUrl() == null) return; // a sitemap needs absolute URLs
        List<String> urls = new ArrayList<>();
        urls.add(pages.absolute("/"));
        // The first page of each list and the offer pages: later pages are reachable from there.
        for (Section s : sections) {
            if (s.folder().matches(Finder.BASE + "[^/]+/[^/]+/")) continue; // pairs of filters: thin, and thousands of them
            if (s.pages().stream().anyMatch(p -> p.path().equals(s.folder() + "index.html"))) urls.add(pages.absolute("/" + s.folder()));
        }
        for (Offer o : data.offers()) urls.add(pages.absolute(Pages.offerPath(o.id())));
        if (urls.size() <= SITEMAP_URLS) {
            out.add(SitePage.text("sitemap.xml", SitePage.XML, () -> urlset(urls)));
            return;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0, n = 1; i < urls.size(); i += SITEMAP_URLS, n++) {
            List<String> part = urls.subList(i, Math.min(urls.size(), i + SITEMAP_URLS));
            String key = "sitemap-" + n + ".xml";
            parts.add(pages.absolute("/" + key));
            out.add(SitePage.text(key, SitePage.XML, () -> urlset(part)));
        }
        out.add(SitePage.text("sitemap.xml", SitePage.XML, () -> {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String part : parts) b.append("<sitemap><loc>").append(xml(part)).append("</loc></sitemap>\n");
            return b.append("</sitemapindex>\n").toString();
        }));
    }

    private static String urlset(List<String> urls) {
        StringBuilder b = new StringBuilder(urls.size() * 64 + 128)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String u : urls) b.append("<url><loc>").append(xml(u)).append("</loc></url>\n");
        return b.append("</urlset>\n").toString();
    }

    private String robots() {
        StringBuilder b = new StringBuilder("User-agent: *\nDisallow: /api/\nDisallow: /beheer/\nDisallow: /aanmelding/\n");
        if (pages.baseUrl() != null) b.append("Sitemap: ").append(pages.absolute("/sitemap.xml")).append('\n');
        return b.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    // ------------------------------------------------------------------ paging

    static String key(String base, int page) { return page == 1 ? base + "index.html" : base + page + "/index.html"; }

    static String href(String base, int page) { return page == 1 ? "/" + base : "/" + base + page + "/"; }

    private static String title(String heading, int page) { return page == 1 ? heading : heading + " (pagina " + page + ")"; }

    static Pagination pagination(String base, int page, int pages) {
        List<Link> numbers = new ArrayList<>();
        // A window around the current page, plus the first and last: short enough for a phone.
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 2) numbers.add(new Link(n == page ? null : href(base, n), Integer.toString(n)));
        }
        return new Pagination(page, pages, page > 1 ? href(base, page - 1) : null, page < pages ? href(base, page + 1) : null, List.copyOf(numbers));
    }

    static String capitalise(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    private static String address(Location l) { return l.address() == null || l.address().oneLine().isEmpty() ? null : l.address().oneLine(); }

    // ------------------------------------------------------------------ what the lists are made of

    /** The data sorted and indexed once per build. */
    static final class Model {
        final SiteData data;
        /** Every date that has not started, of offers the public sees, earliest first. */
        final List<AgendaEntry> dates;
        /** Offers in offer lists: not called off, with a date to come, a period not over (from its first day, or today once it runs), or e-learning without dates; soonest first. */
        final List<Offer> listed;
        final Map<String, Offer> byId = new java.util.HashMap<>();
        /** Each offer's theme slugs, once: every theme list asks every offer. */
        final Map<String, java.util.Set<String>> themeSlugs = new java.util.HashMap<>();
        final Map<String, String> themes;
        final List<Location> locationsWithDates;
        final List<LinkGroup> agendaGroups;
        /** The dates per organisation and per place, earliest first (indexed once: a region has many of both). */
        final Map<String, List<AgendaEntry>> byOrganisation = new java.util.HashMap<>();
        final Map<String, List<AgendaEntry>> byLocation = new java.util.HashMap<>();

        Model(SiteData data) {
            this.data = data;
            for (Offer o : data.offers()) byId.put(o.id(), o);
            // Each start converted to an instant once: sorting 50,000 dates compares them a million times.
            record Dated(AgendaEntry entry, java.time.Instant at) {}
            List<Dated> all = new ArrayList<>();
            for (Offer o : data.offers()) {
                for (Session s : o.sessions()) {
                    java.time.Instant at = s.startInstant();
                    if (!at.isAfter(data.now())) continue; // started (Session.hasStarted)
                    all.add(new Dated(new AgendaEntry(o.id(), o.title(), o.kind(), o.programmeLine(), o.format(), o.price(), o.organisationId(), s, o.status()), at));
                }
            }
            all.sort(Comparator.comparing(Dated::at).thenComparing(d -> d.entry().offerId()).thenComparing(d -> d.entry().session().id()));
            List<AgendaEntry> sorted = new ArrayList<>(all.size());
            for (Dated d : all) sorted.add(d.entry());
            this.dates = List.copyOf(sorted);
            for (AgendaEntry e : dates) {
                if (e.organisationId() != null) byOrganisation.computeIfAbsent(e.organisationId(), k -> new ArrayList<>()).add(e);
                if (e.session().locationId() != null) byLocation.computeIfAbsent(e.session().locationId(), k -> new ArrayList<>()).add(e);
            }
            for (Offer o : data.offers()) {
                java.util.Set<String> slugs = new java.util.LinkedHashSet<>();
                for (String t : o.themes()) {
                    String slug = slug(t);
                    if (!slug.isEmpty()) slugs.add(slug);
                }
                themeSlugs.put(o.id(), slugs);
            }
            List<Offer> offers = new ArrayList<>();
            Map<String, java.time.Instant> next = new LinkedHashMap<>();
            java.time.LocalDate today = data.now().atZone(Session.ZONE).toLocalDate();
            for (Offer o : data.offers()) {
                if (o.status() == OfferStatus.CANCELLED) continue;
                java.time.Instant first = o.sessions().stream().filter(s -> !s.hasStarted(data.now()) && !s.isCancelled())
                        .map(Session::startInstant).min(Comparator.naturalOrder()).orElse(null);
                if (first == null && o.period() != null && o.period().runsOnOrAfter(today))
                    first = (o.period().start().isAfter(today) ? o.period().start() : today).atStartOfDay(Session.ZONE).toInstant();
                else if (first == null && o.kind() != nl.ontwikkelplein.domain.OfferKind.E_LEARNING) continue;
                offers.add(o);
                next.put(o.id(), first == null ? java.time.Instant.MAX : first);
            }
            offers.sort(Comparator.comparing((Offer o) -> next.get(o.id())).thenComparing(Offer::title, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Offer::id));
            this.listed = List.copyOf(offers);
            // Derived once: the home page and the agenda both show them, and every branch list asks.
            this.themes = themesOf(listed);
            for (Offer o : listed) for (String slug : themeSlugs.get(o.id())) byTheme.computeIfAbsent(slug, k -> new ArrayList<>()).add(o);
            this.locationsWithDates = data.locations().values().stream()
                    .filter(l -> byLocation.containsKey(l.id()) && l.kind() != Location.LocationKind.ONLINE)
                    .sorted(Comparator.comparing(Location::name, String.CASE_INSENSITIVE_ORDER)).toList();
            this.agendaGroups = agendaGroupsOf();
        }

        /** Each offer's dates as positions in {@link #dates}, earliest first (a theme's feed gathers them for a few thousand offers). */
        private Map<String, List<Integer>> datePositions;

        /** The dates to come of these offers, earliest first: the same as filtering {@link #dates}, without going through all of them. */
        List<AgendaEntry> datesOf(List<Offer> offers) {
            if (datePositions == null) {
                datePositions = new java.util.HashMap<>();
                for (int i = 0; i < dates.size(); i++) datePositions.computeIfAbsent(dates.get(i).offerId(), k -> new ArrayList<>()).add(i);
            }
            List<Integer> at = new ArrayList<>();
            for (Offer o : offers) at.addAll(datePositions.getOrDefault(o.id(), List.of()));
            at.sort(null);
            List<AgendaEntry> out = new ArrayList<>(at.size());
            for (int i : at) out.add(dates.get(i));
            return out;
        }

        /** The listed offers per theme slug, in list order (each theme's list, without asking every offer per theme). */
        final Map<String, List<Offer>> byTheme = new java.util.HashMap<>();
        /** Slugs of labels, made once per label (Slugs.of normalises Unicode: costly for 10,000 offers' themes and groups). */
        private final Map<String, String> slugs = new java.util.HashMap<>();

        String slug(String label) { return slugs.computeIfAbsent(label, Slugs::of); }

        /** Each day's ISO week, formatted once and found by day number: every dated list asks for every date (150,000 times at 50,000 dates). */
        private String[] weekByDay = new String[0];
        private long firstDay;

        String weekOf(LocalDate day) {
            long i = day.toEpochDay() - firstDay;
            if (i < 0 || i >= weekByDay.length) {
                // Outside the dates seen so far: grow the table to cover this day too.
                long from = weekByDay.length == 0 ? day.toEpochDay() : Math.min(firstDay, day.toEpochDay());
                long to = weekByDay.length == 0 ? day.toEpochDay() : Math.max(firstDay + weekByDay.length - 1, day.toEpochDay());
                if (to - from > 4_000) return week(day); // a date decades away (a typo in a feed): not worth a table that long
                String[] grown = new String[(int) (to - from + 1)];
                if (weekByDay.length > 0) System.arraycopy(weekByDay, 0, grown, (int) (firstDay - from), weekByDay.length);
                weekByDay = grown;
                firstDay = from;
                i = day.toEpochDay() - firstDay;
            }
            String w = weekByDay[(int) i];
            if (w == null) weekByDay[(int) i] = w = week(day);
            return w;
        }

        List<AgendaEntry> between(LocalDate from, LocalDate until) {
            return dates.stream().filter(e -> !e.session().start().toLocalDate().isBefore(from) && e.session().start().toLocalDate().isBefore(until)).toList();
        }

        /** Theme slug → the label shown (the first spelling met), for themes of listed offers. */
        private Map<String, String> themesOf(List<Offer> listed) {
            Map<String, String> out = new TreeMap<>();
            for (Offer o : listed) for (String t : o.themes()) {
                String slug = slug(t);
                if (!slug.isEmpty()) out.putIfAbsent(slug, t.strip());
            }
            return out;
        }

        private List<LinkGroup> agendaGroupsOf() {
            List<CountedLink> when = List.of(new CountedLink("/agenda/deze-week/", "Deze week", null),
                    new CountedLink("/agenda/volgende-week/", "Volgende week", null));
            List<CountedLink> orgs = new ArrayList<>();
            for (Organisation org : data.organisationsByName()) {
                if (byOrganisation.containsKey(org.id())) orgs.add(new CountedLink("/bibliotheek/" + org.id() + "/", org.name(), null));
            }
            List<CountedLink> themes = new ArrayList<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Offer o : listed) for (String slug : themeSlugs.get(o.id())) counts.merge(slug, 1L, Long::sum);
            this.themes.forEach((slug, label) -> themes.add(new CountedLink("/thema/" + slug + "/", capitalise(label), counts.getOrDefault(slug, 0L).intValue())));
            List<CountedLink> lines = new ArrayList<>();
            for (ProgrammeLine line : ProgrammeLine.values()) {
                long n = listed.stream().filter(o -> o.programmeLine() == line).count();
                if (n > 0) lines.add(new CountedLink("/lijn/" + Slugs.of(line.label()) + "/", line.label(), (int) n));
            }
            List<CountedLink> find = List.of(new CountedLink("/zoeken/", "Zoeken op onderwerp, plaats, dag en meer", null));
            return List.of(new LinkGroup("Zelf kiezen", "zelf-kiezen", find), new LinkGroup("Wanneer?", "wanneer", when),
                    new LinkGroup("Per bibliotheek", "per-bibliotheek", orgs),
                    new LinkGroup("Per onderwerp", "per-onderwerp", themes), new LinkGroup("Per programma", "per-programma", lines));
        }

        LinkGroup branchGroup(String organisationId) {
            List<CountedLink> links = new ArrayList<>();
            for (Location l : locationsWithDates) {
                if (!Objects.equals(l.organisationId(), organisationId)) continue;
                links.add(new CountedLink("/vestiging/" + l.id() + "/", l.name(), byLocation.get(l.id()).size()));
            }
            return new LinkGroup("Per vestiging", "per-vestiging", links);
        }
    }
}
