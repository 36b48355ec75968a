package nl.ontwikkelplein.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.local.demo.DemoData;
import nl.ontwikkelplein.web.site.Tiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The list pages of the public site in Chromium on the demo data: every page type axe-clean,
 * readable on a 320 px screen, light (HTML and CSS together at most 15 KB gzipped), and the
 * question tiles working without JavaScript.
 */
class SitePagesBrowserTest {
    /** Budget per page type: the page plus its stylesheets, compressed. */
    static final int PAGE_BUDGET_BYTES = 15 * 1024;

    @TempDir
    static Path data;
    static TestStack stack;
    static Browser desktop, narrow, noScript;
    static List<String> pageTypes;

    @BeforeAll
    static void start() throws Exception {
        Browser.failIfMissingAndRequired();
        if (Browser.missing().isPresent()) return;
        stack = TestStack.start(data);
        assertTrue(DemoData.loadIfEmpty(stack.stack().stores().catalog(), Clock.systemUTC()));
        // A college's course as its OOAPI feed gives it: a period, no dates; its price not known.
        LocalDate today = LocalDate.now(Session.ZONE);
        stack.stack().stores().catalog().createOffer(new nl.ontwikkelplein.domain.Offer("nt2-b1-roc", DemoData.ORGANISATION, "Nederlands als tweede taal B1",
                "Een schooljaar lang Nederlands leren.", "Twee ochtenden per week.", nl.ontwikkelplein.domain.OfferKind.COURSE,
                nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of("anderstaligen"), null, nl.ontwikkelplein.domain.Price.UNKNOWN,
                "Deltion College", "https://www.deltion.nl/", null, new nl.ontwikkelplein.domain.Offer.Source("deltion", "NT2-B1", "hash"),
                java.time.Instant.now(), List.of(), null, null, List.of("nl"), new nl.ontwikkelplein.domain.Offer.Period(today.minusDays(20), today.plusDays(150), "hardenberg")));
        stack.stack().scheduler().runNow("SiteRebuildFunction");
        String day = firstDayWithDates();
        String week = nl.ontwikkelplein.web.site.PublicSite.week(LocalDate.parse(day));
        java.util.regex.Matcher offer = java.util.regex.Pattern.compile("href=\"(/aanbod/[a-z0-9-]+/)\"").matcher(stack.get("/agenda/" + day + "/").body());
        assertTrue(offer.find(), "the day lists an offer");
        pageTypes = List.of("/", "/agenda/", "/agenda/deze-week/", "/agenda/volgende-week/", "/agenda/" + day + "/", "/agenda/week/" + week + "/",
                "/bibliotheek/" + DemoData.ORGANISATION + "/", "/bibliotheek/" + DemoData.ORGANISATION + "/week/" + week + "/",
                "/vestiging/hardenberg/", "/lijn/basisvaardigheden/",
                "/thema/digitale-vaardigheden/", "/leren/computer-en-telefoon/", "/leren/gezond-leven/", offer.group(1), "/aanbod/nt2-b1-roc/", "/zoeken/",
                firstLink("/zoeken/", "filter-plaats"), firstLink(firstLink("/zoeken/", "filter-plaats"), "filter-wanneer"));
        for (String path : pageTypes)
            assertTrue(TestStack.await(Duration.ofSeconds(30), () -> status(path) == 200), "page " + path + " was not published");
        desktop = Browser.start(1280, 900, true);
        narrow = Browser.start(320, 800, true);
        noScript = Browser.start(360, 800, false);
    }

    @BeforeEach
    void browserInstalled() { Browser.requireInstalled(); }

    @AfterAll
    static void stop() {
        for (Browser b : new Browser[] {desktop, narrow, noScript}) if (b != null) b.close();
        if (stack != null) stack.close();
    }

    /** The first link in a page's link group (by its heading's id). */
    static String firstLink(String path, String groupId) throws Exception {
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("aria-labelledby=\"" + groupId + "\">.*?href=\"([^\"]+)\"", java.util.regex.Pattern.DOTALL)
                .matcher(stack.get(path).body());
        assertTrue(a.find(), path + " has a group " + groupId);
        return a.group(1);
    }

    static String firstDayWithDates() throws Exception {
        for (LocalDate d = LocalDate.now(Session.ZONE); d.isBefore(LocalDate.now(Session.ZONE).plusDays(60)); d = d.plusDays(1)) {
            if (status("/agenda/" + d + "/") == 200) return d.toString();
        }
        throw new AssertionError("no day page in the next 60 days");
    }

    static int status(String path) {
        try {
            return stack.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void everyPageTypeHasNoWcagViolations() {
        for (String path : pageTypes) {
            desktop.driver.get(stack.url(path));
            PageChecks.assertNoAxeViolations(desktop, path);
        }
    }

    @Test
    void everyPageTypeReflowsAt320px() {
        for (String path : pageTypes) {
            narrow.driver.get(stack.url(path));
            assertEquals(320, narrow.number("return window.innerWidth"));
            PageChecks.assertNoHorizontalScroll(narrow, path);
        }
    }

    @Test
    void theTilesLeadToTheirListsWithoutJavaScript() {
        noScript.driver.get(stack.url("/"));
        List<WebElement> tiles = noScript.driver.findElements(By.cssSelector("a.op-tile"));
        assertEquals(Tiles.ALL.size(), tiles.size());
        WebElement computer = noScript.driver.findElement(By.cssSelector("a.op-tile[href='/leren/computer-en-telefoon/']"));
        assertEquals("Computer of telefoon gebruiken", computer.getText().strip());
        noScript.clickAndWait(computer);
        assertEquals("Hulp bij de computer en telefoon", noScript.driver.findElement(By.tagName("h1")).getText().strip());
        List<WebElement> offers = noScript.driver.findElements(By.cssSelector(".op-card h2 a"));
        assertTrue(offers.stream().anyMatch(a -> a.getText().contains("Klik & Tik")), "the demo's computer course is on the list");
        noScript.clickAndWait(offers.get(0));
        assertTrue(noScript.driver.getCurrentUrl().contains("/aanbod/"), "and on to the offer");
    }

    @Test
    void theFinderNarrowsDownWithTwoFiltersWithoutJavaScript() {
        noScript.driver.get(stack.url("/"));
        noScript.clickAndWait(noScript.driver.findElement(By.cssSelector("a[href='/zoeken/']")));
        assertEquals("Zoeken en kiezen", noScript.driver.findElement(By.tagName("h1")).getText().strip());
        WebElement place = noScript.driver.findElement(By.cssSelector("nav[aria-labelledby=filter-plaats] li"));
        String town = place.findElement(By.tagName("a")).getText().strip();
        int inTown = count(place);
        noScript.clickAndWait(place.findElement(By.tagName("a")));
        assertEquals(town, noScript.driver.findElement(By.tagName("h1")).getText().strip());
        assertEquals(Math.min(inTown, 25), noScript.driver.findElements(By.cssSelector(".op-card")).size(), "the results of the first filter");

        WebElement when = noScript.driver.findElement(By.cssSelector("nav[aria-labelledby=filter-wanneer] li"));
        String day = when.findElement(By.tagName("a")).getText().strip();
        int both = count(when);
        assertTrue(both <= inTown, "counted within the town");
        noScript.clickAndWait(when.findElement(By.tagName("a")));
        assertEquals(town + " en " + day.toLowerCase(java.util.Locale.ROOT), noScript.driver.findElement(By.tagName("h1")).getText().strip());
        assertEquals(Math.min(both, 25), noScript.driver.findElements(By.cssSelector(".op-card")).size(), "the count on the link was right");
        noScript.clickAndWait(noScript.driver.findElement(By.linkText("Alleen " + day.toLowerCase(java.util.Locale.ROOT))));
        assertEquals(day, noScript.driver.findElement(By.tagName("h1")).getText().strip(), "a filter can be taken away again");
    }

    private static int count(WebElement li) {
        return Integer.parseInt(li.findElement(By.cssSelector(".op-count")).getText().replaceAll("[^0-9]", ""));
    }

    @Test
    void everyPageTypeWithItsStylesheetsStaysUnder15KbCompressed() throws Exception {
        int css = gzipped("/css/vendor/utrecht.css") + gzipped("/css/site.css");
        for (String path : pageTypes) {
            int total = gzipped(path) + css;
            System.out.printf("page weight %s: %,d bytes gzipped with CSS%n", path, total);
            assertTrue(total <= PAGE_BUDGET_BYTES, path + " weighs " + total + " bytes compressed with its CSS");
        }
    }

    static int gzipped(String path) throws Exception {
        HttpResponse<String> r = stack.send(HttpRequest.newBuilder(URI.create(stack.url(path))));
        assertEquals(200, r.statusCode(), path);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) { gz.write(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
        return out.size();
    }
}
