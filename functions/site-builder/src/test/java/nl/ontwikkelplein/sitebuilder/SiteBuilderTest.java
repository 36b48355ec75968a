package nl.ontwikkelplein.sitebuilder;

import static nl.ontwikkelplein.sitebuilder.TestData.ASSETS;
import static nl.ontwikkelplein.sitebuilder.TestData.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteBuilderTest {
    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void publishesAnOfferPageAsHtmlThatRevalidatesQuickly() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("klik-en-tik", "Klik & Tik <script>x</script>"));
        SiteBuilder builder = new SiteBuilder(catalog, publisher, CLOCK, ASSETS);

        assertEquals(SiteBuilder.PageChange.PUBLISHED, builder.rebuildOffer("klik-en-tik"));
        RecordingPublisher.Put page = publisher.objects.get("aanbod/klik-en-tik/index.html");
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals("public, max-age=60, must-revalidate", page.cacheControl());
        assertTrue(page.text().contains("<h1 class=\"utrecht-heading-1\">Klik &amp; Tik &lt;script&gt;x&lt;/script&gt;</h1>"));
        assertTrue(page.text().contains("Bibliotheek Hardenberg"), "location name from the references");
        assertTrue(page.text().contains("/css/site.css?v=" + Assets.version(ASSETS)), "assets are versioned");
    }

    @Test
    void deletesThePageOfAnOfferThatIsGone() {
        SiteBuilder builder = new SiteBuilder(TestData.catalog(), publisher, CLOCK, ASSETS);
        assertEquals(SiteBuilder.PageChange.DELETED, builder.rebuildOffer("verwijderd"));
        assertEquals(List.of("delete aanbod/verwijderd/index.html"), publisher.log);
    }

    @Test
    void aDraftHasNoPageAndAnOfferTakenBackToDraftLosesIt() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("concept", "Nog niet klaar").withStatus(nl.ontwikkelplein.domain.OfferStatus.DRAFT));
        SiteBuilder builder = new SiteBuilder(catalog, publisher, CLOCK, ASSETS);
        assertEquals(SiteBuilder.PageChange.DELETED, builder.rebuildOffer("concept"));
        assertEquals(List.of("delete aanbod/concept/index.html"), publisher.log);
        builder.rebuildHome();
        assertFalse(publisher.objects.get("index.html").text().contains("Nog niet klaar"), "nor is it in the agenda");
    }

    @Test
    void refusesIdsThatWouldEscapeThePagePath() {
        SiteBuilder builder = new SiteBuilder(TestData.catalog(), publisher, CLOCK, ASSETS);
        assertThrows(IllegalArgumentException.class, () -> builder.rebuildOffer("../index"));
        assertTrue(publisher.log.isEmpty());
    }

    @Test
    void homePageListsUpcomingSessions() {
        SiteBuilder builder = new SiteBuilder(TestData.catalog(TestData.offer("klik-en-tik", "Klik & Tik")), publisher, CLOCK, ASSETS);
        builder.rebuildHome();
        RecordingPublisher.Put home = publisher.objects.get("index.html");
        assertEquals("text/html; charset=utf-8", home.contentType());
        assertEquals("public, max-age=60, must-revalidate", home.cacheControl());
        assertTrue(home.text().contains("href=\"/aanbod/klik-en-tik/\""));
        assertTrue(home.text().contains("Dinsdag 1 december 2026"));
        assertTrue(home.text().contains("Nog 9 plaatsen"));
    }

    @Test
    void rebuildAllPublishesAssetsEveryOfferAndHome() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"), TestData.offer("b", "B"));
        SiteBuilder builder = new SiteBuilder(catalog, publisher, CLOCK, ASSETS);
        SiteBuilder.Summary summary = builder.rebuildAll();

        assertEquals(2, summary.assets());
        assertEquals(Set.of("a", "b"), summary.offersPublished());
        assertEquals(List.of("css/site.css", "favicon.svg", "404.html", "aanbod/a/index.html", "aanbod/b/index.html", "index.html"), publisher.puts());
        assertEquals("text/css; charset=utf-8", publisher.objects.get("css/site.css").contentType());
        assertEquals("public, max-age=86400", publisher.objects.get("css/site.css").cacheControl());
        assertEquals("image/svg+xml", publisher.objects.get("favicon.svg").contentType());
        assertEquals("text/html; charset=utf-8", publisher.objects.get("404.html").contentType());
        assertTrue(publisher.objects.get("aanbod/a/index.html").text().contains("Dinsdag 1 december 2026"), "offer pages are read with their sessions");
    }

    @Test
    void rebuildAllFinishesTheOthersAndThenReportsFailedOffers() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"), TestData.offer("b", "B"), TestData.offer("c", "C"));
        catalog.failingOffers.add("b");
        SiteBuilder builder = new SiteBuilder(catalog, publisher, CLOCK, ASSETS);

        SiteBuilder.SiteBuildException e = assertThrows(SiteBuilder.SiteBuildException.class, builder::rebuildAll);
        assertTrue(e.getMessage().contains("b"));
        assertEquals(Set.of("b"), e.summary().offersFailed());
        assertEquals(Set.of("a", "c"), e.summary().offersPublished());
        assertTrue(publisher.objects.containsKey("aanbod/c/index.html"), "offers after the failed one are still built");
        assertTrue(publisher.objects.containsKey("index.html"), "and the home page");
        assertFalse(publisher.objects.containsKey("aanbod/b/index.html"));
    }

    @Test
    void assetsComeFromTheClasspathWithTheirTypes() {
        List<Assets.Asset> assets = Assets.fromClasspath(getClass().getClassLoader());
        Assets.Asset css = assets.stream().filter(a -> a.path().equals("css/site.css")).findFirst().orElseThrow();
        assertEquals("text/css; charset=utf-8", css.contentType());
        assertTrue(assets.stream().anyMatch(a -> a.path().equals("css/vendor/utrecht.css")));
        assertTrue(assets.stream().anyMatch(a -> a.path().equals("favicon.svg") && a.contentType().equals("image/svg+xml")));
        assertEquals("image/png", Assets.contentType("img/logo.png"));
        assertEquals("image/x-icon", Assets.contentType("favicon.ico"));
        assertEquals("text/javascript; charset=utf-8", Assets.contentType("js/x.js"));
        assertEquals(Assets.version(assets), Assets.version(Assets.fromClasspath(getClass().getClassLoader())), "stable version");
    }

    @Test
    void warmUpPublishesNothing() {
        new SiteBuilder(TestData.catalog(), publisher, CLOCK, ASSETS).warmUp();
        assertTrue(publisher.log.isEmpty());
    }

}
