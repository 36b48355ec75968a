package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.LOCATIONS;
import static nl.ontwikkelplein.web.Fixtures.NOW;
import static nl.ontwikkelplein.web.Fixtures.ORGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentPolicy;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.site.PublicSite;
import nl.ontwikkelplein.web.site.SiteData;
import nl.ontwikkelplein.web.site.SitePage;
import nl.ontwikkelplein.web.site.Slugs;
import nl.ontwikkelplein.web.site.Tiles;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The pages besides the offer pages: what exists, what is on them, and that they are valid and safe. */
class PublicSiteTest {
    private final Pages pages = new Pages("v1", "https://agenda.example.nl");
    private final PublicSite site = new PublicSite(pages);

    private static Offer offer(String id, String title, List<String> themes, List<String> groups, Session... sessions) {
        return new Offer(id, Fixtures.ORG.id(), title, "Samenvatting", "Beschrijving", OfferKind.WORKSHOP, ProgrammeLine.BASIC_SKILLS,
                themes, groups, DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW, List.of(sessions));
    }

    private static Session at(String id, String start) { return Fixtures.session(id, LocalDateTime.parse(start), 10, 2); }

    private Map<String, SitePage> pagesOf(List<Offer> offers) {
        return site.listPages(new SiteData(offers, LOCATIONS, ORGS, NOW)).stream()
                .collect(Collectors.toMap(SitePage::path, p -> p, (a, b) -> { throw new AssertionError("two pages at " + a.path()); }));
    }

    private static String text(SitePage p) { return new String(p.body(), java.nio.charset.StandardCharsets.UTF_8); }

    @Test
    void everyHtmlPageIsValidWithUniqueIdsHeadingsInOrderAndNoInjectedMarkup() {
        Offer evil = offer("evil", "<img src=x onerror=alert(1)> Taal", List.of("<script>alert(1)</script>", "../../etc/passwd"),
                List.of("ouders"), at("a", "2026-11-25T10:00"), at("b", "2026-12-02T10:00"));
        Map<String, SitePage> all = pagesOf(List.of(evil, Fixtures.klikEnTik()));
        assertTrue(all.containsKey("thema/script-alert-1-script/index.html"), "a hostile label becomes a plain slug: " + all.keySet());
        assertTrue(all.containsKey("thema/etc-passwd/index.html"));
        assertTrue(all.keySet().stream().noneMatch(k -> k.contains("..") || k.contains("<")));
        int html = 0;
        for (SitePage p : all.values()) {
            if (!p.contentType().startsWith("text/html")) continue;
            html++;
            Document doc = Html.parse(text(p));
            Html.assertNoInjectedMarkup(doc);
            Html.assertIdsUniqueAndReferencesResolve(doc);
            Html.assertHeadingsInOrder(doc);
            assertEquals(1, doc.select("h1").size(), p.path());
            assertTrue(doc.selectFirst("link[rel=canonical]").attr("href").startsWith("https://agenda.example.nl/"), p.path());
        }
        assertTrue(html > 15);
    }

    @Test
    void theTilesAreAllOnTheHomePageAndEachLeadsToItsList() {
        Offer kids = offer("voorlezen", "Voorlezen voor peuters", List.of("voorlezen"), List.of("ouders"), at("a", "2026-11-26T10:00"));
        Offer money = offer("geld", "Grip op je geld", List.of("geldzaken"), List.of(), at("a", "2026-11-27T10:00"));
        Map<String, SitePage> all = pagesOf(List.of(kids, money));
        Document home = Html.parse(text(all.get("index.html")));
        assertEquals(Tiles.ALL.size(), home.select(".op-tile").size());
        assertTrue(Tiles.ALL.size() >= 6 && Tiles.ALL.size() <= 10);
        for (Tiles.Tile t : Tiles.ALL) {
            assertEquals(1, home.select("a.op-tile[href=" + t.href() + "] svg[aria-hidden=true]").size(), t.slug());
            assertTrue(all.containsKey(t.href().substring(1) + "index.html"), t.slug());
        }
        assertTrue(text(all.get("leren/kinderen-en-ouders/index.html")).contains("Voorlezen voor peuters"));
        assertFalse(text(all.get("leren/kinderen-en-ouders/index.html")).contains("Grip op je geld"));
        assertTrue(text(all.get("leren/rekenen-en-geld/index.html")).contains("Grip op je geld"));
    }

    @Test
    void aListOfOffersShowsEachOfferOnceWithItsNextDateAndHowManyMore() {
        Offer weekly = offer("wekelijks", "Taalcafé", List.of("taal"), List.of(), at("a", "2026-11-20T10:00"), at("b", "2026-11-27T10:00"),
                at("c", "2026-12-04T10:00"), at("d", "2026-12-11T10:00"));
        String theme = text(pagesOf(List.of(weekly)).get("thema/taal/index.html"));
        Document doc = Html.parse(theme);
        assertEquals(1, doc.select(".op-card").size());
        assertTrue(doc.text().contains("Vrijdag 27 november 2026, 10.00 uur"), doc.text());
        assertTrue(doc.text().contains("en nog 2 keer"));
    }

    @Test
    void pastTheProtocolLimitTheSitemapBecomesAnIndex() {
        List<Offer> many = new ArrayList<>();
        for (int i = 0; i < PublicSite.SITEMAP_URLS + 10; i++)
            many.add(new Offer("o" + i, Fixtures.ORG.id(), "Aanbod " + i, null, null, OfferKind.E_LEARNING, null, List.of(), List.of(),
                    DeliveryFormat.ONLINE, Price.FREE, null, null, null, null, NOW, List.of()));
        Map<String, SitePage> all = pagesOf(many);
        String index = text(all.get("sitemap.xml"));
        assertTrue(index.contains("<sitemapindex"), index.substring(0, 200));
        assertTrue(index.contains("<loc>https://agenda.example.nl/sitemap-1.xml</loc>"));
        assertTrue(index.contains("<loc>https://agenda.example.nl/sitemap-2.xml</loc>"));
        assertEquals(PublicSite.SITEMAP_URLS, text(all.get("sitemap-1.xml")).split("<url>", -1).length - 1);
    }

    @Test
    void slugsAreReadableAndBounded() {
        assertEquals("nederlands-spreken", Slugs.of("Nederlands spreken"));
        assertEquals("taalcafe", Slugs.of("Taalcafé"));
        assertEquals("e-overheid", Slugs.of("  E-overheid!! "));
        assertEquals("", Slugs.of("???"));
        assertEquals(Slugs.MAX_LENGTH, Slugs.of("a".repeat(10_000)).length());
    }

    @Test
    void feedsParseInIcal4jWithStableUidsSequenceAndCancelledDates() throws Exception {
        Session cancelled = new Session("weg", LocalDateTime.parse("2026-12-03T10:00"), LocalDateTime.parse("2026-12-03T12:00"),
                Fixtures.HARDENBERG.id(), 10, 0, Session.SessionStatus.CANCELLED, "De docent is ziek");
        Offer o = offer("taal", "Taal; met, komma's \\ en zo", List.of("taal"), List.of(), at("a", "2026-11-26T10:00"), cancelled);
        Map<String, SitePage> all = pagesOf(List.of(o));
        Map<String, String> calendars = new java.util.LinkedHashMap<>();
        calendars.put("offer", nl.ontwikkelplein.web.Ics.offerFeed(o, LOCATIONS, NOW));
        for (String key : List.of("bibliotheek/bibliotheek-hardenberg/agenda.ics", "vestiging/hardenberg-centrum/agenda.ics", "thema/taal/agenda.ics")) {
            assertEquals("text/calendar; charset=utf-8", all.get(key).contentType());
            calendars.put(key, text(all.get(key)));
        }
        assertEquals(4, calendars.size(), "offer feed, organisation, branch, theme");
        for (Map.Entry<String, String> c : calendars.entrySet()) {
            Calendar cal = new CalendarBuilder().build(new StringReader(c.getValue()));
            assertFalse(cal.validate().hasErrors(), c.getKey() + ": " + cal.validate());
            for (VEvent e : cal.<VEvent>getComponents(Component.VEVENT)) {
                String uid = e.getProperty(Property.UID).orElseThrow().getValue();
                assertTrue(uid.equals("taal.a@ontwikkelplein") || uid.equals("taal.weg@ontwikkelplein"), uid);
                assertTrue(Long.parseLong(e.getProperty(Property.SEQUENCE).orElseThrow().getValue()) > 0);
                if (uid.startsWith("taal.weg")) assertEquals("CANCELLED", e.getProperty(Property.STATUS).orElseThrow().getValue());
                assertEquals("Taal; met, komma's \\ en zo", e.getProperty(Property.SUMMARY).orElseThrow().getValue());
            }
            assertEquals(1, cal.getComponents(Component.VTIMEZONE).size());
        }
        assertTrue(text(all.get("thema/taal/index.html")).contains("href=\"/thema/taal/agenda.ics\""));
        assertEquals(calendars.get("offer"), nl.ontwikkelplein.web.Ics.offerFeed(o, LOCATIONS, NOW.plusSeconds(3600)),
                "the same data gives the same bytes an hour later: nothing to write again");
    }

    @Test
    void theFinderHasAPagePerFilterAndPerPairOfFiltersOfDifferentKindsWithCounts() {
        // 1 December 2026 is a Tuesday.
        Offer morning = new Offer("ochtend", Fixtures.ORG.id(), "Taal in de ochtend", "Samenvatting", "Beschrijving", OfferKind.WORKSHOP,
                ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of("ouders"), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW,
                List.of(Fixtures.session("a", LocalDateTime.parse("2026-12-01T10:00"), 10, 2)));
        Session evening = new Session("b", LocalDateTime.parse("2026-12-01T19:30"), LocalDateTime.parse("2026-12-01T21:00"), Fixtures.DEDEMSVAART.id(),
                8, 8, Session.SessionStatus.SCHEDULED);
        Offer full = new Offer("avond", Fixtures.ORG.id(), "Werk zoeken in de avond", "Samenvatting", "Beschrijving", OfferKind.WORKSHOP,
                ProgrammeLine.BASIC_SKILLS, List.of("werk"), List.of("werkzoekenden"), DeliveryFormat.BLENDED, new Price(500), null, null, null, null,
                NOW, List.of(evening));
        Map<String, SitePage> all = pagesOf(List.of(morning, full));

        Document finder = Html.parse(text(all.get("zoeken/index.html")));
        assertEquals("/zoeken/", Html.parse(text(all.get("index.html"))).select("a[href=/zoeken/]").attr("href"), "the home page leads to it");
        assertEquals("(1)", finder.select("a[href=/zoeken/plaats-dedemsvaart/] + .op-count").text());
        assertEquals("(2)", finder.select("a[href=/zoeken/dinsdag/] + .op-count").text(), "both are on a Tuesday");
        assertEquals("(2)", finder.select("a[href=/zoeken/op-locatie/] + .op-count").text(), "in person, and in person and online");
        assertEquals(List.of("Onderwerp", "Plaats", "Wanneer", "Kosten", "Hoe", "Voor wie", "Nog ruimte"), finder.select("nav.op-links > h2").eachText());

        String mornings = text(all.get("zoeken/dinsdagochtend/index.html"));
        assertTrue(mornings.contains("Taal in de ochtend") && !mornings.contains("Werk zoeken"));
        assertTrue(text(all.get("zoeken/dinsdagavond/index.html")).contains("Werk zoeken in de avond"));
        assertTrue(text(all.get("zoeken/plaatsen-vrij/index.html")).contains("Taal in de ochtend"));
        assertFalse(text(all.get("zoeken/plaatsen-vrij/index.html")).contains("Werk zoeken"), "the evening is full");
        assertTrue(text(all.get("zoeken/online/index.html")).contains("Werk zoeken"));
        assertFalse(all.containsKey("zoeken/online/plaats-hardenberg/index.html"), "a pair that finds nothing has no page");

        String pair = text(all.get("zoeken/plaats-dedemsvaart/dinsdagavond/index.html"));
        assertTrue(pair.contains("<h1 class=\"utrecht-heading-1\">Dedemsvaart en dinsdagavond</h1>"), pair);
        assertTrue(pair.contains("Werk zoeken in de avond"));
        assertTrue(pair.contains("href=\"/zoeken/plaats-dedemsvaart/\"") && pair.contains("href=\"/zoeken/dinsdagavond/\""), "each filter can be taken away");
        assertFalse(all.containsKey("zoeken/dinsdagavond/plaats-dedemsvaart/index.html"), "one address per pair: the filters in a fixed order");
        assertFalse(all.containsKey("zoeken/onderwerp-taal/onderwerp-werk/index.html"), "no pairs within one kind");
        Document place = Html.parse(text(all.get("zoeken/plaats-dedemsvaart/index.html")));
        assertEquals("(1)", place.select("a[href=/zoeken/plaats-dedemsvaart/dinsdagavond/] + .op-count").text(), "second filters, counted within the first");
        assertEquals(0, place.select("a[href=/zoeken/plaats-dedemsvaart/dinsdagochtend/]").size(), "and only those that find something");
        assertEquals("(1)", Html.parse(text(all.get("zoeken/dinsdagavond/index.html"))).select("a[href=/zoeken/plaats-dedemsvaart/dinsdagavond/] + .op-count").text(),
                "a pair is linked from both its filters");
    }

    /** A college course as its OOAPI feed gives it: a period and a place, no dates with times. */
    static Offer periodOffer(String id, java.time.LocalDate start, java.time.LocalDate end) {
        return new Offer(id, Fixtures.ORG.id(), "Nederlands B1 bij het ROC", "Een jaar lang Nederlands leren.", "Beschrijving", OfferKind.COURSE,
                ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of("anderstaligen"), DeliveryFormat.IN_PERSON, Price.UNKNOWN, "ROC Twente",
                "https://roc.example/b1", null, new Offer.Source("roc", id, "hash"), NOW, List.of(), null, null, List.of("nl"),
                new Offer.Period(start, end, Fixtures.DEDEMSVAART.id()));
    }

    @Test
    void anOfferThatRunsInAPeriodIsListedUntilItsLastDayFoundByItsPlaceButNotInTheAgenda() {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(NOW, Session.ZONE);
        Offer running = periodOffer("roc-lopend", today.minusMonths(2), today.plusMonths(3));
        Offer lastDay = periodOffer("roc-laatste-dag", today.minusMonths(1), today);
        Offer over = periodOffer("roc-voorbij", today.minusMonths(6), today.minusDays(1));
        Map<String, SitePage> all = pagesOf(List.of(running, lastDay, over, Fixtures.klikEnTik()));
        String list = text(all.get("thema/taal/index.html"));
        assertTrue(list.contains("/aanbod/roc-lopend/") && list.contains("/aanbod/roc-laatste-dag/"), "still running, the last day included");
        assertFalse(list.contains("/aanbod/roc-voorbij/"), "over");
        assertTrue(list.contains("Van " + DutchFormat.date(today.minusMonths(2)) + " tot en met " + DutchFormat.date(today.plusMonths(3))), list);
        assertTrue(text(all.get("zoeken/plaats-dedemsvaart/index.html")).contains("/aanbod/roc-lopend/"), "found by the town of its place");
        assertFalse(text(all.getOrDefault("zoeken/plaatsen-vrij/index.html", SitePage.text("x", SitePage.HTML, () -> ""))).contains("roc-lopend"),
                "the provider keeps its places: we cannot say there is room");
        assertFalse(text(all.get("agenda/index.html")).contains("roc-lopend"), "no day to put it on");
        nl.ontwikkelplein.web.site.SearchRecord record = site.searchRecords(new SiteData(List.of(running), LOCATIONS, ORGS, NOW)).get(0);
        assertTrue(record.content().contains("Dedemsvaart"), "its place's town is searched: " + record.content());
        assertTrue(record.meta().get("wanneer").startsWith("Van "), record.meta().toString());
    }

    @Test
    void anOfferWithoutAKnownPriceIsFoundNeitherAsFreeNorAsPaid() {
        Offer free = new Offer("gratis-les", Fixtures.ORG.id(), "Gratis les", "Samenvatting", "Beschrijving", OfferKind.WORKSHOP,
                ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW,
                List.of(Fixtures.session("a", LocalDateTime.parse("2026-12-01T10:00"), 10, 0)));
        Offer unknown = new Offer("roc-cursus", Fixtures.ORG.id(), "Cursus van het ROC", "Samenvatting", "Beschrijving", OfferKind.COURSE,
                ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of(), DeliveryFormat.IN_PERSON, Price.UNKNOWN, "ROC", null, null,
                new Offer.Source("roc", "C-1", "hash"), NOW, List.of(Fixtures.session("b", LocalDateTime.parse("2026-12-02T10:00"), 10, 0)));
        Map<String, SitePage> all = pagesOf(List.of(free, unknown));
        assertTrue(text(all.get("zoeken/gratis/index.html")).contains("Gratis les"));
        assertFalse(text(all.get("zoeken/gratis/index.html")).contains("Cursus van het ROC"), "not known to be free");
        assertFalse(all.containsKey("zoeken/betaald/index.html"), "nor known to cost something");
        assertTrue(text(all.get("zoeken/onderwerp-taal/index.html")).contains("Cursus van het ROC"), "found by everything else");
    }

    @Test
    void languagesBecomeAFilterOnlyWhenThereIsAChoiceAndShowOnTheOfferPage() {
        Offer dutch = new Offer("taalcafe", Fixtures.ORG.id(), "Taalcafé", "Samenvatting", "Beschrijving", OfferKind.WORKSHOP,
                ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of("anderstaligen"), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW,
                List.of(Fixtures.session("a", LocalDateTime.parse("2026-12-01T10:00"), 10, 0)));
        Map<String, SitePage> onlyDutch = pagesOf(List.of(dutch));
        assertTrue(onlyDutch.keySet().stream().noneMatch(k -> k.startsWith("zoeken/taal-")), "one language is no choice");
        String dutchPage = pages.offer(dutch, Fixtures.LOCATIONS, Fixtures.ORG, NOW);
        assertFalse(dutchPage.contains("<dt>Taal</dt>"), "Dutch goes without saying");
        assertTrue(dutchPage.contains("\"inLanguage\":\"nl\""));

        Offer twoLanguages = new Offer("digihulp", Fixtures.ORG.id(), "Digihulp", "Samenvatting", "Beschrijving", OfferKind.WORKSHOP,
                ProgrammeLine.BASIC_SKILLS, List.of("digitale vaardigheden"), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW,
                List.of(Fixtures.session("b", LocalDateTime.parse("2026-12-01T14:00"), 10, 0)), OfferStatus.PUBLISHED, EnrolmentPolicy.DEFAULT,
                List.of("uk", "nl"));
        Map<String, SitePage> all = pagesOf(List.of(dutch, twoLanguages));
        Document finder = Html.parse(text(all.get("zoeken/index.html")));
        assertEquals(List.of("Onderwerp", "Plaats", "Wanneer", "Kosten", "Hoe", "Voor wie", "Taal", "Nog ruimte"), finder.select("nav.op-links > h2").eachText());
        assertEquals(List.of("Nederlands", "Oekraïens"), finder.select("nav[aria-labelledby=filter-taal] a").eachText(), "Dutch first");
        assertEquals("(2)", finder.select("a[href=/zoeken/taal-nederlands/] + .op-count").text());
        assertEquals("(1)", finder.select("a[href=/zoeken/taal-oekraiens/] + .op-count").text());
        String ukrainian = text(all.get("zoeken/taal-oekraiens/index.html"));
        assertTrue(ukrainian.contains("Digihulp") && !ukrainian.contains("Taalcafé"));
        assertTrue(text(all.get("zoeken/dinsdagmiddag/taal-oekraiens/index.html")).contains("Dinsdagmiddag en Oekraïens"), "a language keeps its capital");

        String page = pages.offer(twoLanguages, Fixtures.LOCATIONS, Fixtures.ORG, NOW);
        assertTrue(page.contains("<dt>Taal</dt><dd>Oekraïens en Nederlands</dd>"), page);
        assertTrue(page.contains("\"inLanguage\":[\"uk\",\"nl\"]"), "and in its structured data");
    }

    @Test
    void searchRecordsAreTheListedOffersInListOrderWithTheFindersFilters() {
        String longText = ("woord ".repeat(PublicSite.SEARCH_DESCRIPTION_WORDS) + "laatstewoord").strip();
        Offer later = new Offer("later", Fixtures.ORG.id(), "<b>Taal</b> & \"meer\"", "Samenvatting", longText, OfferKind.WORKSHOP,
                ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of("ouders"), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW,
                List.of(Fixtures.session("a", LocalDateTime.parse("2026-12-08T10:00"), 10, 2)));
        Offer sooner = offer("eerder", "Klik en tik", List.of("digitale vaardigheden"), List.of(), at("a", "2026-12-01T19:30"));
        Offer past = offer("voorbij", "Voorbij", List.of("taal"), List.of(), at("a", "2026-11-01T10:00"));
        List<nl.ontwikkelplein.web.site.SearchRecord> records = site.searchRecords(new SiteData(List.of(later, past, sooner), LOCATIONS, ORGS, NOW));

        assertEquals(List.of("/aanbod/eerder/", "/aanbod/later/"), records.stream().map(nl.ontwikkelplein.web.site.SearchRecord::url).toList(),
                "the lists' offers, soonest first (a filter alone answers in this order)");
        nl.ontwikkelplein.web.site.SearchRecord taal = records.get(1);
        assertEquals("<b>Taal</b> & \"meer\"", taal.meta().get("title"), "plain text: the page sets it as text");
        assertEquals(List.of("onderwerp-taal"), taal.filters().get("onderwerp"));
        assertEquals(List.of("dinsdag", "dinsdagochtend"), taal.filters().get("wanneer"));
        assertEquals(List.of("voor-ouders"), taal.filters().get("voor"));
        assertTrue(taal.content().contains("Hardenberg") && taal.content().contains("taal"), "found by its places and themes: " + taal.content());
        assertFalse(taal.content().contains("laatstewoord"), "only the opening of a long description is indexed");
        assertTrue(records.get(0).meta().get("wanneer").startsWith("Dinsdag 1 december"), records.get(0).meta().toString());
        assertEquals(List.of("dinsdagavond"), records.get(0).filters().get("wanneer").subList(1, 2));
    }

    @Test
    void theFinderSaysWhenThereIsNothingAndKeepsHostileLabelsPlain() {
        Map<String, SitePage> none = pagesOf(List.of());
        assertTrue(text(none.get("zoeken/index.html")).contains("Er is nu niets te vinden"));
        Location evil = new Location("evil", Fixtures.ORG.id(), "<b>x</b>", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "<img src=x onerror=alert(1)>Ommen"), null, null);
        Offer o = new Offer("o", Fixtures.ORG.id(), "Iets", null, null, OfferKind.WORKSHOP, null, List.of(), List.of("\"><script>"),
                DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW, List.of(new Session("s", LocalDateTime.parse("2026-12-01T10:00"),
                LocalDateTime.parse("2026-12-01T11:00"), "evil", null, 0, Session.SessionStatus.SCHEDULED)));
        Map<String, Location> places = new java.util.HashMap<>(LOCATIONS);
        places.put("evil", evil);
        Map<String, SitePage> all = site.listPages(new SiteData(List.of(o), places, ORGS, NOW)).stream()
                .collect(Collectors.toMap(SitePage::path, p -> p));
        assertTrue(all.containsKey("zoeken/plaats-img-src-x-onerror-alert-1-ommen/index.html"), all.keySet().toString());
        for (SitePage p : all.values()) {
            if (!p.path().startsWith("zoeken/")) continue;
            Html.assertNoInjectedMarkup(Html.parse(text(p)));
        }
    }
}
