package nl.ontwikkelplein.sitebuilder;

import static nl.ontwikkelplein.sitebuilder.TestData.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Site builds on SQLite and S3Proxy: what is written, what is not written again, what is removed. */
class SiteBuilderTest {
    private LocalSite local;
    private LocalSite.Counting counting;
    private SiteBuilder builder;

    @BeforeEach
    void start() throws Exception {
        local = new LocalSite(CLOCK);
        counting = new LocalSite.Counting(local.publisher);
        builder = local.builder(CLOCK, counting);
    }

    @AfterEach
    void stop() throws Exception { local.close(); }

    private static SiteBuilder.Changes offers(String... ids) { return new SiteBuilder.Changes(Set.of(ids), Set.of(), Set.of()); }

    @Test
    void aFullBuildPublishesAssetsOfferPagesListsHomeSitemapAndRobots() {
        TestData.seed(local.catalog(),
                TestData.offer("klik-en-tik", "Klik & Tik <script>x</script>", TestData.LOC.id(), List.of("digitale vaardigheden"), "2026-12-01T14:00"),
                TestData.offer("taalcafe", "Taalcafé", TestData.LOC2.id(), List.of("Nederlands spreken"), "2026-11-26T10:00"));
        SiteBuilder.Summary summary = builder.rebuildAll();

        assertEquals(Set.of("klik-en-tik", "taalcafe"), summary.offersPublished());
        Set<String> keys = local.keys().keySet();
        for (String key : List.of("css/site.css", "favicon.svg", "404.html", "index.html", "aanbod/klik-en-tik/index.html", "aanbod/taalcafe/index.html",
                "agenda/index.html", "agenda/deze-week/index.html", "agenda/volgende-week/index.html", "agenda/2026-12-01/index.html",
                "agenda/2026-11-26/index.html", "bibliotheek/bibliotheek-hardenberg/index.html", "vestiging/dedemsvaart/index.html",
                "vestiging/hardenberg-centrum/index.html", "lijn/basisvaardigheden/index.html", "thema/digitale-vaardigheden/index.html",
                "thema/nederlands-spreken/index.html", "leren/computer-en-telefoon/index.html", "leren/nederlands-leren/index.html",
                "leren/gezond-leven/index.html", "sitemap.xml", "robots.txt", "agenda/week/2026-48/index.html", "agenda/week/2026-49/index.html",
                "bibliotheek/bibliotheek-hardenberg/week/2026-49/index.html", "vestiging/dedemsvaart/week/2026-48/index.html",
                "bibliotheek/bibliotheek-hardenberg/agenda.ics", "vestiging/dedemsvaart/agenda.ics", "thema/nederlands-spreken/agenda.ics"))
            assertTrue(keys.contains(key), key + " is published; got " + new java.util.TreeSet<>(keys));
        // S3Proxy answers media types without the space ("text/html;charset=utf-8").
        assertEquals("text/html;charset=utf-8", local.contentType("thema/nederlands-spreken/index.html").replace("; ", ";"));
        assertEquals("public, max-age=60, must-revalidate", local.cacheControl("index.html"));
        assertEquals("public, max-age=86400", local.cacheControl("css/site.css"));
        assertEquals("application/xml;charset=utf-8", local.contentType("sitemap.xml").replace("; ", ";"));

        String offerPage = local.text("aanbod/taalcafe/index.html");
        assertTrue(offerPage.contains("\"url\":\"https://agenda.example.nl/aanbod/taalcafe/\""), "JSON-LD URLs are absolute");
        assertTrue(offerPage.contains("<meta property=\"og:url\" content=\"https://agenda.example.nl/aanbod/taalcafe/\">"));
        assertTrue(offerPage.contains("<meta property=\"og:title\" content=\"Taalcafé\">"));
        assertTrue(offerPage.contains("<meta property=\"og:description\" content=\"Samenvatting van Taalcafé\">"));
        String theme = local.text("thema/digitale-vaardigheden/index.html");
        assertTrue(theme.contains("Klik &amp; Tik &lt;script&gt;x&lt;/script&gt;"), "titles are escaped in lists");
        assertFalse(theme.contains("Taalcafé"), "a theme lists only its offers");
        assertTrue(theme.contains("<link rel=\"canonical\" href=\"https://agenda.example.nl/thema/digitale-vaardigheden/\">"));
        assertTrue(local.text("vestiging/dedemsvaart/index.html").contains("Taalcafé"));
        assertFalse(local.text("vestiging/dedemsvaart/index.html").contains("Klik &amp; Tik"));
        assertTrue(local.text("agenda/deze-week/index.html").contains("Taalcafé"), "26 November is in the week of 24 November");
        assertFalse(local.text("agenda/deze-week/index.html").contains("Klik &amp; Tik"), "1 December is next week");
        assertTrue(local.text("agenda/volgende-week/index.html").contains("Klik &amp; Tik"));
        assertTrue(local.text("leren/gezond-leven/index.html").contains("Hier staat nu niets"), "a tile always has its page");

        String home = local.text("index.html");
        assertTrue(home.contains("Wat wilt u leren?"));
        assertTrue(home.contains("href=\"/leren/nederlands-leren/\""));
        assertTrue(home.contains("href=\"/thema/nederlands-spreken/\""));
        String sitemap = local.text("sitemap.xml");
        assertTrue(sitemap.contains("<loc>https://agenda.example.nl/aanbod/klik-en-tik/</loc>"));
        assertTrue(sitemap.contains("<loc>https://agenda.example.nl/thema/digitale-vaardigheden/</loc>"));
        assertTrue(local.text("robots.txt").contains("Sitemap: https://agenda.example.nl/sitemap.xml"));
    }

    @Test
    void aSecondFullBuildOfTheSameCatalogWritesNothing() {
        TestData.seed(local.catalog(), TestData.offer("a", "A", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"));
        builder.rebuildAll();
        int first = counting.puts.size();
        counting.puts.clear();
        SiteBuilder.Summary again = builder.rebuildAll();
        assertTrue(first > 10);
        assertEquals(List.of(), counting.puts, "every page equals what is online");
        assertEquals(0, again.written());
        assertTrue(again.rendered() >= first);
    }

    @Test
    void aChangedOfferWritesItsPageAndOnlyTheListPagesThatDiffer() {
        Offer a = TestData.offer("a", "Eerste", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00");
        TestData.seed(local.catalog(), a, TestData.offer("b", "Tweede", TestData.LOC2.id(), List.of("werk"), "2026-12-02T14:00"));
        builder.rebuildAll();
        counting.puts.clear();
        counting.lists.clear();
        counting.folders.clear();

        Offer renamed = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(new Offer(renamed.id(), renamed.organisationId(), "Eerste, nieuwe naam", renamed.summary(), renamed.description(),
                renamed.kind(), renamed.programmeLine(), List.of("taal", "gezondheid"), renamed.targetGroups(), renamed.format(), renamed.price(),
                null, null, null, null, renamed.updatedAt(), renamed.sessions()));
        builder.apply(offers("a"));

        Set<String> written = Set.copyOf(counting.puts);
        assertTrue(written.contains("aanbod/a/index.html"));
        assertTrue(local.text("aanbod/a/index.html").contains("Eerste, nieuwe naam"), "and it stays there");
        assertFalse(counting.lists.contains("") || counting.lists.contains("aanbod/") || counting.lists.contains("agenda/"),
                "only the folders of the lists it is on are read: " + counting.lists);
        assertTrue(counting.lists.contains("thema/taal/") && counting.folders.contains("agenda/") && counting.folders.contains(""), counting.folders.toString());
        assertTrue(counting.deletes.isEmpty(), "nothing is deleted: " + counting.deletes);
        assertTrue(written.contains("thema/taal/index.html"));
        assertTrue(written.contains("thema/gezondheid/index.html"), "a list it joined");
        assertTrue(written.contains("index.html"));
        assertFalse(written.contains("aanbod/b/index.html"), "another offer's page is not written");
        assertFalse(written.contains("thema/werk/index.html"), "nor a list it is not on");
        assertFalse(written.contains("vestiging/dedemsvaart/index.html"));
        assertFalse(written.contains("css/site.css"));
        assertTrue(local.text("thema/gezondheid/index.html").contains("Eerste, nieuwe naam"));
    }

    @Test
    void anOfferThatIsGoneOrBackToDraftLosesItsPageAndLeavesItsLists() {
        TestData.seed(local.catalog(), TestData.offer("a", "Blijft", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("weg", "Verdwijnt", TestData.LOC.id(), List.of("eenmalig thema"), "2026-12-01T16:00"),
                TestData.offer("concept", "Wordt concept", TestData.LOC.id(), List.of("taal"), "2026-12-01T18:00"));
        builder.rebuildAll();
        assertTrue(local.text("thema/taal/index.html").contains("Wordt concept"));

        assertTrue(local.catalog().removeOfferWithoutEnrolments(local.catalog().offer("weg").orElseThrow()));
        Offer c = local.catalog().offer("concept").orElseThrow();
        local.catalog().updateOffer(c.withStatus(OfferStatus.DRAFT));
        SiteBuilder.Summary s = builder.apply(offers("weg", "concept"));

        assertEquals(Set.of("weg", "concept"), s.offersRemoved());
        assertNull(local.text("aanbod/weg/index.html"));
        assertFalse(local.text("agenda/2026-12-01/index.html").contains("Verdwijnt"), "nor on its day");
        assertNull(local.text("aanbod/concept/index.html"));
        assertNull(local.text("thema/eenmalig-thema/index.html"), "a list that became empty is removed");
        assertFalse(local.text("thema/taal/index.html").contains("Wordt concept"));
        assertFalse(local.text("index.html").contains("Verdwijnt"));
        assertTrue(local.text("aanbod/a/index.html") != null);
    }

    @Test
    void aRemovedDateLeavesTheFeedAndACalledOffDateSaysSo() {
        TestData.seed(local.catalog(), TestData.offer("a", "A", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00", "2026-12-08T14:00", "2026-12-15T14:00"));
        local.publisher.put("aanbod/a/oud.ics", "BEGIN:VCALENDAR".getBytes(), "text/calendar", SiteBuilder.HTML_CACHE);
        SiteBuilder.Summary first = builder.rebuildAll();
        assertNull(local.text("aanbod/a/oud.ics"), "a file under an offer's folder that the build did not make is removed");
        assertEquals(Set.of(), first.offersRemoved(), "and the offer, which is still there, is not counted as removed");
        String feedKey = "bibliotheek/bibliotheek-hardenberg/agenda.ics";
        assertTrue(local.text(feedKey).contains("UID:a.a-2@ontwikkelplein"));
        Offer o = local.catalog().offer("a").orElseThrow();
        nl.ontwikkelplein.domain.Session third = o.sessions().get(2);
        local.catalog().updateOffer(o.withSessions(List.of(o.sessions().get(0), new nl.ontwikkelplein.domain.Session(third.id(), third.start(), third.end(),
                third.locationId(), third.seats(), 0, nl.ontwikkelplein.domain.Session.SessionStatus.CANCELLED, "De docent is ziek"))));
        builder.apply(offers("a"));

        String feed = local.text(feedKey);
        assertFalse(feed.contains("UID:a.a-2@ontwikkelplein"), "a date that is gone leaves the feed");
        assertTrue(feed.substring(feed.indexOf("UID:a.a-3@")).contains("STATUS:CANCELLED"));
        assertTrue(local.text("aanbod/a/index.html").contains("href=\"/api/offers/a/sessions/a-1/agenda.ics\""), "the offer page links each date's file");
        assertTrue(local.text("aanbod/a/index.html").contains("href=\"/api/offers/a/agenda.ics\""), "and the file of all its dates");
    }

    @Test
    void aChangedPlaceRendersTheOffersWithADateThereAndNoOthers() {
        TestData.seed(local.catalog(), TestData.offer("hier", "Hier", TestData.LOC2.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("daar", "Daar", TestData.LOC.id(), List.of("taal"), "2026-12-01T16:00"));
        builder.rebuildAll();
        counting.puts.clear();
        local.catalog().saveLocation(new nl.ontwikkelplein.domain.Location(TestData.LOC2.id(), TestData.ORG.id(), "Bibliotheek Dedemsvaart (verbouwd)",
                TestData.LOC2.kind(), TestData.LOC2.address(), null, null));

        builder.apply(new SiteBuilder.Changes(Set.of(), Set.of(TestData.LOC2.id()), Set.of()));

        assertTrue(counting.puts.contains("aanbod/hier/index.html"));
        assertFalse(counting.puts.contains("aanbod/daar/index.html"));
        assertTrue(local.text("aanbod/hier/index.html").contains("Bibliotheek Dedemsvaart (verbouwd)"));
        assertTrue(local.text("vestiging/dedemsvaart/index.html").contains("Bibliotheek Dedemsvaart (verbouwd)"));
    }

    @Test
    void longListsArePagedPerWeekWithLinksBothWays() {
        String[] starts = new String[45];
        for (int i = 0; i < starts.length; i++) starts[i] = java.time.LocalDateTime.parse("2026-11-24T12:00").plusHours(i * 2L).toString();
        TestData.seed(local.catalog(), TestData.offer("veel", "Veel datums", TestData.LOC.id(), List.of("taal"), starts));
        builder.rebuildAll();

        String agenda = local.text("agenda/index.html");
        assertTrue(agenda.contains("href=\"/agenda/week/2026-48/\""), "the first page leads to each week");
        assertEquals(nl.ontwikkelplein.web.site.PublicSite.DATES_PER_PAGE, agenda.split("<li class=\"op-card\">", -1).length - 1, "and shows the first 40 dates");
        String first = local.text("agenda/week/2026-48/index.html");
        String second = local.text("agenda/week/2026-48/2/index.html");
        assertTrue(first.contains("rel=\"next\" href=\"/agenda/week/2026-48/2/\""));
        assertTrue(second.contains("rel=\"prev\" href=\"/agenda/week/2026-48/\""));
        assertTrue(second.contains("Pagina 2 van 2"));
        assertNull(local.text("agenda/week/2026-48/3/index.html"));
        assertTrue(local.text("sitemap.xml").contains("/agenda/week/2026-48/</loc>"));
        assertFalse(local.text("sitemap.xml").contains("/agenda/week/2026-48/2/"), "later pages are found through the first");
    }

    @Test
    void anOfferThatMovesLeavesTheWeekDayThemeAndPlaceItWasOn() {
        TestData.seed(local.catalog(), TestData.offer("a", "Verhuist", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "Blijft", TestData.LOC.id(), List.of("taal"), "2026-12-01T16:00"));
        builder.rebuildAll();
        assertTrue(local.text("agenda/week/2026-49/index.html").contains("Verhuist"));

        Offer a = local.catalog().offer("a").orElseThrow();
        nl.ontwikkelplein.domain.Session s = a.sessions().get(0);
        local.catalog().updateOffer(new Offer(a.id(), a.organisationId(), a.title(), a.summary(), a.description(), a.kind(), a.programmeLine(),
                List.of("werk"), a.targetGroups(), a.format(), a.price(), null, null, null, null, a.updatedAt(),
                List.of(new nl.ontwikkelplein.domain.Session(s.id(), s.start().plusWeeks(2), s.end().plusWeeks(2), TestData.LOC2.id(), s.seats(), 0,
                        nl.ontwikkelplein.domain.Session.SessionStatus.SCHEDULED))));
        counting.puts.clear();
        builder.apply(offers("a"));

        assertFalse(local.text("agenda/week/2026-49/index.html").contains("Verhuist"), "the week it left");
        assertFalse(local.text("agenda/2026-12-01/index.html").contains("Verhuist"), "the day it left");
        assertFalse(local.text("thema/taal/index.html").contains("Verhuist"), "the theme it left");
        assertFalse(local.text("vestiging/hardenberg-centrum/week/2026-49/index.html").contains("Verhuist"), "the place it left");
        assertTrue(local.text("agenda/week/2026-51/index.html").contains("Verhuist"), "the week it joined");
        assertTrue(local.text("agenda/2026-12-15/index.html").contains("Verhuist"));
        assertTrue(local.text("thema/werk/index.html").contains("Verhuist"));
        assertTrue(local.text("vestiging/dedemsvaart/index.html").contains("Verhuist"));
        assertFalse(counting.puts.contains("aanbod/b/index.html"));
        assertEquals(local.text("index.html"), renderedFresh("index.html"), "the home page equals a full build's");
        assertEquals(local.text("agenda/index.html"), renderedFresh("agenda/index.html"));
        assertEquals(local.text("bibliotheek/bibliotheek-hardenberg/index.html"), renderedFresh("bibliotheek/bibliotheek-hardenberg/index.html"));
    }

    /** The files a full build from a fresh read would write or delete now. */
    static Set<String> differences(LocalSite local, SiteBuilder builder) {
        LocalSite.Counting dry = new LocalSite.Counting(local.publisher);
        dry.dryRun = true;
        SiteBuilder check = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(30)), dry);
        check.rebuildAll();
        Set<String> out = new java.util.TreeSet<>(dry.puts);
        out.addAll(dry.deletes);
        return out;
    }

    /** What a full build would publish at a path now. */
    private String renderedFresh(String path) {
        return builder.read() == null ? null : new nl.ontwikkelplein.web.site.PublicSite(new nl.ontwikkelplein.web.Pages(Assets.version(TestData.ASSETS),
                "https://agenda.example.nl")).listPages(builder.read()).stream().filter(p -> p.path().equals(path))
                .map(p -> new String(p.body(), java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElse(null);
    }

    @Test
    void incrementalBuildsPublishWhatAFullBuildWould() {
        TestData.seed(local.catalog(), TestData.offer("a", "Een", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00", "2026-12-08T14:00"),
                TestData.offer("b", "Twee", TestData.LOC2.id(), List.of("werk"), "2026-11-26T10:00"),
                TestData.offer("c", "Drie", TestData.LOC.id(), List.of("taal", "werk"), "2026-12-20T10:00"));
        builder.rebuildAll();
        // Several changes, each published incrementally.
        Offer a = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(a.withSessions(List.of(a.sessions().get(1))));
        builder.apply(offers("a"));
        assertTrue(local.catalog().removeOfferWithoutEnrolments(local.catalog().offer("b").orElseThrow()));
        builder.apply(offers("b"));
        local.catalog().createOffer(TestData.offer("d", "Vier", TestData.LOC2.id(), List.of("koken"), "2026-11-30T10:00"));
        builder.apply(offers("d"));
        Map<String, String> incremental = local.keys();

        counting.puts.clear();
        counting.deletes.clear();
        SiteBuilder.Summary full = builder.rebuildAll();
        assertEquals(List.of(), counting.puts, "a full build finds nothing to write");
        assertEquals(List.of(), counting.deletes, "nor anything to remove");
        assertEquals(incremental, local.keys());
        assertEquals(0, full.written());
    }

    @Test
    void aPageOnlineWithoutAListingMakesTheNextChangeRenderEveryList() {
        TestData.seed(local.catalog(), TestData.offer("a", "Oud", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"));
        builder.rebuildAll();
        // As published before pages kept their lists: same page, no metadata.
        local.publisher.put("aanbod/a/index.html", local.text("aanbod/a/index.html").getBytes(java.nio.charset.StandardCharsets.UTF_8), SiteBuilder.HTML,
                SiteBuilder.HTML_CACHE);
        local.publisher.put("thema/vroeger/index.html", "<p>Oud</p>".getBytes(), SiteBuilder.HTML, SiteBuilder.HTML_CACHE);
        Offer a = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(a.withStatus(OfferStatus.DRAFT));

        builder.apply(offers("a"));

        assertNull(local.text("thema/vroeger/index.html"), "every list was reconciled, also one the listing could not name");
        assertNull(local.text("thema/taal/index.html"));
        assertNull(local.text("aanbod/a/index.html"));
    }

    @Test
    void whenAListFailsTheOfferPageIsHeldBackSoTheRetryStillKnowsWhereItWas() {
        TestData.seed(local.catalog(), TestData.offer("a", "A", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "B", TestData.LOC.id(), List.of("taal"), "2026-12-01T15:00"));
        builder.rebuildAll();
        Offer a = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(new Offer(a.id(), a.organisationId(), "A nieuw", a.summary(), a.description(), a.kind(), a.programmeLine(),
                List.of("werk"), a.targetGroups(), a.format(), a.price(), null, null, null, null, a.updatedAt(), a.sessions()));
        counting.failOn = "thema/taal/index.html";

        SiteBuilder.SiteBuildException e = assertThrows(SiteBuilder.SiteBuildException.class, () -> builder.apply(offers("a")));
        assertTrue(e.getMessage().contains("thema/taal/index.html") && e.getMessage().contains("held back"), e.getMessage());
        assertFalse(local.text("aanbod/a/index.html").contains("A nieuw"), "the offer page still names the lists it was on");
        assertTrue(local.text("thema/werk/index.html").contains("A nieuw"), "other lists are written");

        counting.failOn = null;
        builder.apply(offers("a")); // Lambda's retry of the batch
        assertFalse(local.text("thema/taal/index.html").contains("A nieuw"));
        assertFalse(local.text("thema/taal/index.html").contains(">A<"));
        assertTrue(local.text("aanbod/a/index.html").contains("A nieuw"));
    }

    @Test
    void aFullBuildRemovesPagesOfWhatIsGoneAndLeavesOtherFilesAlone() {
        TestData.seed(local.catalog(), TestData.offer("a", "A", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"));
        local.publisher.put("aanbod/oud/index.html", "<p>oud</p>".getBytes(), SiteBuilder.HTML, SiteBuilder.HTML_CACHE);
        local.publisher.put("thema/oud/index.html", "<p>oud</p>".getBytes(), SiteBuilder.HTML, SiteBuilder.HTML_CACHE);
        local.publisher.put("google1234.html", "verification".getBytes(), SiteBuilder.HTML, SiteBuilder.HTML_CACHE);

        SiteBuilder.Summary s = builder.rebuildAll();

        assertEquals(Set.of("oud"), s.offersRemoved());
        assertNull(local.text("aanbod/oud/index.html"));
        assertNull(local.text("thema/oud/index.html"));
        assertEquals("verification", local.text("google1234.html"), "files the builder does not own stay");
    }

    @Test
    void aPageThatFailsDoesNotStopTheOthersAndTheFailureIsReported() {
        TestData.seed(local.catalog(), TestData.offer("a", "A", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "B", TestData.LOC.id(), List.of("taal"), "2026-12-01T15:00"),
                TestData.offer("c", "C", TestData.LOC.id(), List.of("taal"), "2026-12-01T16:00"));
        counting.failOn = "aanbod/b/index.html";

        SiteBuilder.SiteBuildException e = assertThrows(SiteBuilder.SiteBuildException.class, builder::rebuildAll);

        assertTrue(e.getMessage().contains("aanbod/b/index.html"));
        assertTrue(local.text("aanbod/c/index.html") != null, "pages after the failed one are written");
        assertTrue(local.text("index.html") != null);
        assertNull(local.text("aanbod/b/index.html"));
        counting.failOn = null;
        builder.rebuildAll();
        assertTrue(local.text("aanbod/b/index.html") != null, "the next build writes it");
    }

    @Test
    void anAssetAtThePathOfAGeneratedFileStopsTheBuildInsteadOfRacingIt() {
        List<Assets.Asset> clash = new java.util.ArrayList<>(TestData.ASSETS);
        clash.add(new Assets.Asset("robots.txt", "User-agent: *".getBytes(), "text/plain; charset=utf-8"));
        SiteBuilder withClash = new SiteBuilder(local.catalog(), counting, CLOCK, clash, "https://agenda.example.nl");
        IllegalStateException e = assertThrows(IllegalStateException.class, withClash::rebuildAll);
        assertTrue(e.getMessage().contains("robots.txt"));
        assertTrue(counting.puts.isEmpty());
    }

    @Test
    void refusesIdsThatWouldEscapeThePagePath() {
        assertThrows(IllegalArgumentException.class, () -> builder.apply(offers("../index")));
        assertTrue(counting.puts.isEmpty() && counting.deletes.isEmpty());
    }

    @Test
    void warmUpPublishesNothing() {
        builder.warmUp();
        assertTrue(counting.puts.isEmpty());
        assertTrue(local.keys().isEmpty());
    }

    @Test
    void assetsComeFromTheClasspathWithTheirTypes() {
        List<Assets.Asset> assets = Assets.fromClasspath(getClass().getClassLoader());
        Assets.Asset css = assets.stream().filter(a -> a.path().equals("css/site.css")).findFirst().orElseThrow();
        assertEquals("text/css; charset=utf-8", css.contentType());
        assertTrue(assets.stream().anyMatch(a -> a.path().equals("css/vendor/utrecht.css")));
        assertTrue(assets.stream().anyMatch(a -> a.path().equals("favicon.svg") && a.contentType().equals("image/svg+xml")));
        assertEquals("image/png", Assets.contentType("img/logo.png"));
        assertEquals("text/javascript; charset=utf-8", Assets.contentType("js/x.js"));
        assertEquals(Assets.version(assets), Assets.version(Assets.fromClasspath(getClass().getClassLoader())), "stable version");
    }

    @Test
    void filesKeepTheirMetadata() {
        local.publisher.put("x/index.html", "een".getBytes(), SiteBuilder.HTML, SiteBuilder.HTML_CACHE, Map.of("op-read", "5", "op-lists", "0:thema/taal/"));
        SitePublisher.Online online = local.publisher.head("x/index.html").orElseThrow();
        assertEquals(SiteBuilder.md5("een".getBytes()), online.md5());
        assertEquals(Map.of("op-read", "5", "op-lists", "0:thema/taal/"), online.metadata());
        assertTrue(local.publisher.head("y/index.html").isEmpty());
    }

    @Test
    void aBuildFromAnEarlierReadNeverReplacesPagesFromALaterOne() {
        TestData.seed(local.catalog(), TestData.offer("a", "Oude titel", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "B", TestData.LOC.id(), List.of("taal"), "2026-12-01T16:00"));
        builder.rebuildAll();
        SiteBuilder slow = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(10)), counting);
        SiteBuilder fast = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(20)), counting);
        nl.ontwikkelplein.web.site.SiteData before = slow.read(); // a batch reads, then takes long to render
        Offer a = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(new Offer(a.id(), a.organisationId(), "Nieuwe titel", a.summary(), a.description(), a.kind(), a.programmeLine(),
                List.of("werk"), a.targetGroups(), a.format(), a.price(), null, null, null, null, a.updatedAt(), a.sessions()));
        fast.apply(offers("a")); // the next batch, from a later read, finishes first

        slow.apply(offers("a"), before);
        slow.rebuildAll(before);

        assertTrue(local.text("aanbod/a/index.html").contains("Nieuwe titel"), "the offer page stays new");
        assertTrue(local.text("thema/werk/index.html").contains("Nieuwe titel"), "the list it joined keeps it");
        assertFalse(local.text("thema/taal/index.html").contains("Oude titel"), "the list it left does not get it back");
        assertTrue(local.text("index.html").contains("Nieuwe titel") && !local.text("index.html").contains("Oude titel"), "nor the home page");
        assertEquals(Set.of(), SiteBuilderTest.differences(local, fast), "everything is as the later read has it");
    }

    @Test
    void anEditorsOfferPageGoesOnlineFromPointReadsAndKeepsItsListsForTheFollowingApply() {
        TestData.seed(local.catalog(), TestData.offer("a", "Oude titel", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "B", TestData.LOC.id(), List.of("taal"), "2026-12-01T16:00"));
        builder.rebuildAll();
        Offer a = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(new Offer(a.id(), a.organisationId(), "Nieuwe titel", a.summary(), a.description(), a.kind(), a.programmeLine(),
                List.of("werk"), a.targetGroups(), a.format(), a.price(), null, null, null, null, a.updatedAt(), a.sessions()));
        java.util.List<String> wholeReads = new java.util.concurrent.CopyOnWriteArrayList<>();
        nl.ontwikkelplein.domain.Catalog watched = (nl.ontwikkelplein.domain.Catalog) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {nl.ontwikkelplein.domain.Catalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publicOffers") || method.getName().equals("locations")) wholeReads.add(method.getName());
                    try {
                        return method.invoke(local.catalog(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SiteBuilder editor = new SiteBuilder(watched, counting, java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(5)), TestData.ASSETS,
                "https://agenda.example.nl");
        String listing = local.publisher.head("aanbod/a/index.html").orElseThrow().metadata().get("op-lists");
        counting.puts.clear();

        SiteBuilder.Summary first = editor.publishOfferPages(Set.of("a", "b", "weg"));

        assertEquals(List.of(), wholeReads, "no read of the whole catalog");
        assertEquals(Set.of("a", "b"), first.offersPublished(), "an offer that is not there is left to the full step");
        assertEquals(List.of("aanbod/a/index.html"), List.copyOf(counting.puts), "only the page that changed is written");
        assertTrue(local.text("aanbod/a/index.html").contains("Nieuwe titel"));
        assertTrue(local.text("thema/taal/index.html").contains("Oude titel"), "the lists wait for the full step");
        assertEquals(listing, local.publisher.head("aanbod/a/index.html").orElseThrow().metadata().get("op-lists"), "the page keeps the lists it is on");

        editor.apply(offers("a"));
        assertFalse(local.text("thema/taal/index.html").contains("titel"), "the list it left");
        assertTrue(local.text("thema/werk/index.html").contains("Nieuwe titel"), "the list it joined");
        assertEquals(Set.of(), differences(local, editor), "everything is as a full build has it");
    }

    @Test
    void aChangeWithMoreOfferPagesThanOneInvocationTakesWritesItsListsAndHandsTheRestOnWithTheirLists() {
        TestData.seed(local.catalog(), TestData.offer("a", "Een", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "Twee", TestData.LOC.id(), List.of("taal"), "2026-12-02T14:00"),
                TestData.offer("c", "Drie", TestData.LOC.id(), List.of("werk"), "2026-12-03T14:00"));
        builder.rebuildAll();
        // The branch moves to another town: every offer there changes its page and its town filter.
        local.catalog().saveLocation(new nl.ontwikkelplein.domain.Location(TestData.LOC.id(), TestData.ORG.id(), "Bibliotheek Dedemsvaart",
                nl.ontwikkelplein.domain.Location.LocationKind.BRANCH, new nl.ontwikkelplein.domain.Location.Address("Julianastraat 1", "7701 AA", "Dedemsvaart"), null, null));
        SiteBuilder stream = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(5)), counting);
        counting.puts.clear();

        SiteBuilder.Applied applied = stream.apply(new SiteBuilder.Changes(Set.of(), Set.of(TestData.LOC.id()), Set.of()), 1);

        assertEquals(Set.of("b", "c"), applied.deferred().keySet(), "one page here, the others handed on");
        assertEquals(List.of("aanbod/a/index.html"), counting.puts.stream().filter(k -> k.startsWith("aanbod/")).toList());
        String town = local.text("zoeken/plaats-dedemsvaart/index.html");
        assertTrue(town.contains("Een") && town.contains("Twee") && town.contains("Drie"), "the lists are all written");
        assertTrue(local.text("aanbod/b/index.html").contains("Bibliotheek Hardenberg"), "a handed-on page is not written here");
        assertTrue(Listings.decode(applied.deferred().get("b")).contains("zoeken/plaats-dedemsvaart/"), "it goes with the lists it is on now");

        assertEquals(CLOCK.instant().plusSeconds(5).toEpochMilli(), applied.listedAt(), "the lists are those of the stream's read");

        SiteBuilder publisher = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(10)), counting);
        publisher.publishOfferPages(applied.deferred().keySet(), applied.deferred(), applied.listedAt());
        assertTrue(local.text("aanbod/b/index.html").contains("Bibliotheek Dedemsvaart"));
        SortedSet<String> onB = Listings.decode(local.publisher.head("aanbod/b/index.html").orElseThrow().metadata().get("op-lists"));
        assertEquals(Listings.decode(applied.deferred().get("b")), onB,
                "its page online came from an earlier read than the lists, so the lists it was on before are written without it: it is on exactly these");
        assertEquals(Set.of(), differences(local, publisher), "everything is as a full build has it");
        assertEquals(Set.of("b"), SitePublishHandler.lists(Map.of("lists", Map.of("b", applied.deferred().get("b"), "c", "\"><script>")), Set.of("b", "c")).keySet(),
                "the handler takes only well-formed lists");
    }

    @Test
    void aHandedOnPageThatAnotherPublishWroteFromALaterReadKeepsTheListsThatPageNamesToo() {
        TestData.seed(local.catalog(), TestData.offer("a", "Een", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "Twee", TestData.LOC.id(), List.of("taal"), "2026-12-02T14:00"));
        builder.rebuildAll();
        local.catalog().saveLocation(new nl.ontwikkelplein.domain.Location(TestData.LOC.id(), TestData.ORG.id(), "Bibliotheek Dedemsvaart",
                nl.ontwikkelplein.domain.Location.LocationKind.BRANCH, new nl.ontwikkelplein.domain.Location.Address("Julianastraat 1", "7701 AA", "Dedemsvaart"), null, null));
        SiteBuilder.Applied applied = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(5)), counting)
                .apply(new SiteBuilder.Changes(Set.of(), Set.of(TestData.LOC.id()), Set.of()), 1);
        String handedOn = applied.deferred().keySet().iterator().next();
        // Before the handed-on job runs, an editor's save publishes that page from a later read: it keeps the listing its page had.
        local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(7)), counting).publishOfferPages(Set.of(handedOn));
        String named = local.publisher.head(SiteBuilder.offerPagePath(handedOn)).orElseThrow().metadata().get("op-lists");

        local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(10)), counting)
                .publishOfferPages(applied.deferred().keySet(), applied.deferred(), applied.listedAt());

        SortedSet<String> on = Listings.decode(local.publisher.head(SiteBuilder.offerPagePath(handedOn)).orElseThrow().metadata().get("op-lists"));
        assertTrue(on.containsAll(Listings.decode(applied.deferred().get(handedOn))), "the lists it is on now");
        assertTrue(on.containsAll(Listings.decode(named)), "and those the later page named, which this job cannot know were left");
        assertTrue(on.contains("zoeken/plaats-hardenberg/"));
    }

    @Test
    void aNightlyRebuildOfMoreOfferPagesThanOneInvocationTakesWritesEveryListRemovesWhatIsGoneAndHandsTheOtherPagesOn() {
        TestData.seed(local.catalog(), TestData.offer("a", "Een", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "Twee", TestData.LOC.id(), List.of("taal"), "2026-12-02T14:00"),
                TestData.offer("c", "Drie", TestData.LOC2.id(), List.of("werk"), "2026-12-03T14:00"),
                TestData.offer("weg", "Weg", TestData.LOC2.id(), List.of("werk"), "2026-12-03T15:00"));
        builder.rebuildAll();
        for (String id : List.of("a", "b", "c")) {
            Offer o = local.catalog().offer(id).orElseThrow();
            local.catalog().updateOffer(new Offer(o.id(), o.organisationId(), o.title() + " vernieuwd", o.summary(), o.description(), o.kind(), o.programmeLine(),
                    o.themes(), o.targetGroups(), o.format(), o.price(), null, null, null, null, o.updatedAt(), o.sessions()));
        }
        local.catalog().updateOffer(local.catalog().offer("weg").orElseThrow().withStatus(OfferStatus.DRAFT));
        SiteBuilder nightly = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(20)), counting);
        counting.puts.clear();

        SiteBuilder.Applied applied = nightly.rebuildAll(1);

        assertEquals(2, applied.deferred().size(), "one offer page here, the other two handed on");
        assertEquals(1, applied.summary().offersPublished().size());
        Set<String> all = new java.util.TreeSet<>(applied.deferred().keySet());
        all.addAll(applied.summary().offersPublished());
        assertEquals(Set.of("a", "b", "c"), all);
        assertEquals(Set.of("weg"), applied.summary().offersRemoved(), "what is gone goes at once, not with the handed-on pages");
        assertFalse(local.keys().containsKey("aanbod/weg/index.html"));
        assertEquals(List.of(SiteBuilder.offerPagePath(applied.summary().offersPublished().iterator().next())),
                counting.puts.stream().filter(k -> k.startsWith("aanbod/")).toList());
        for (String id : applied.deferred().keySet()) {
            assertTrue(local.keys().containsKey(SiteBuilder.offerPagePath(id)), "a handed-on page is not removed");
            assertFalse(local.text(SiteBuilder.offerPagePath(id)).contains("vernieuwd"), "nor written here");
        }
        String taal = local.text("thema/taal/index.html"), werk = local.text("thema/werk/index.html");
        assertTrue(taal.contains("Een vernieuwd") && taal.contains("Twee vernieuwd") && werk.contains("Drie vernieuwd") && !werk.contains("Weg"),
                "every list is written");
        assertEquals(CLOCK.instant().plusSeconds(20).toEpochMilli(), applied.listedAt());

        local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(25)), counting)
                .publishOfferPages(applied.deferred().keySet(), applied.deferred(), applied.listedAt());
        for (String id : applied.deferred().keySet()) assertTrue(local.text(SiteBuilder.offerPagePath(id)).contains("vernieuwd"));
        assertEquals(Set.of(), differences(local, nightly), "everything is as one full build has it");
    }

    @Test
    void anEditorsOfferPageNeverReplacesOneFromALaterReadAndANewOfferStartsOnNoList() {
        TestData.seed(local.catalog(), TestData.offer("a", "Titel", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"));
        SiteBuilder later = local.builder(java.time.Clock.offset(CLOCK, java.time.Duration.ofSeconds(20)), counting);
        later.rebuildAll();
        counting.puts.clear();
        Offer a = local.catalog().offer("a").orElseThrow();
        local.catalog().updateOffer(new Offer(a.id(), a.organisationId(), "Andere titel", a.summary(), a.description(), a.kind(), a.programmeLine(),
                a.themes(), a.targetGroups(), a.format(), a.price(), null, null, null, null, a.updatedAt(), a.sessions()));
        builder.publishOfferPages(Set.of("a")); // its read (CLOCK) is earlier than the page online
        assertEquals(List.of(), List.copyOf(counting.puts));

        TestData.seed(local.catalog(), TestData.offer("c", "Nieuw", TestData.LOC.id(), List.of("taal"), "2026-12-02T14:00"));
        builder.publishOfferPages(Set.of("c"));
        assertTrue(local.text("aanbod/c/index.html").contains("Nieuw"));
        assertEquals("", local.publisher.head("aanbod/c/index.html").orElseThrow().metadata().getOrDefault("op-lists", ""), "on no list yet");
        later.apply(offers("c"));
        assertTrue(local.text("thema/taal/index.html").contains("Nieuw"));
    }
}
