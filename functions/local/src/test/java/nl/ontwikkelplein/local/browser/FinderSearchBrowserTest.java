package nl.ontwikkelplein.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.local.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The finder with JavaScript, in Chromium on the demo data through the whole local stack (the
 * search index built by SearchIndexFunction, served with the distribution's
 * Content-Security-Policy): search by word, the filters as check boxes that find what the filter
 * pages find, text from the index shown as text, and the page axe-clean in that state.
 */
class FinderSearchBrowserTest {
    @TempDir
    static Path data;
    static TestStack stack;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.failIfMissingAndRequired();
        if (Browser.missing().isPresent()) return;
        stack = TestStack.start(data);
        assertTrue(DemoData.loadIfEmpty(stack.stack().stores().catalog(), Clock.systemUTC()));
        stack.stack().scheduler().runNow("SiteRebuildFunction");
        stack.stack().scheduler().runNow("SearchIndexFunction");
        assertEquals(200, stack.get("/pagefind/pagefind-entry.json").statusCode());
        browser = Browser.start(1280, 900, true);
    }

    @BeforeEach
    void browserInstalled() { Browser.requireInstalled(); }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (stack != null) stack.close();
    }

    private WebElement openFinder() {
        browser.driver.get(stack.url("/zoeken/"));
        return new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> box = d.findElements(By.id("zoek-woord"));
            return box.isEmpty() ? null : box.get(0);
        });
    }

    private String status() { return browser.driver.findElement(By.cssSelector(".op-zoek__uitkomst")).getText().strip(); }

    private long answers() { return browser.number("return performance.getEntriesByName('op-zoeken').length"); }

    /**
     * Waits for the answer to the last change (the page measures each answer it shows; typing gives
     * one per key, so: until no new one came for half a second), then returns the status line.
     */
    private String awaitAnswer(long before) {
        long[] last = {-1, 0};
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(100)).until(d -> {
            long n = answers();
            if (n != last[0]) {
                last[0] = n;
                last[1] = System.nanoTime();
                return false;
            }
            return n > before && System.nanoTime() - last[1] > 500_000_000L;
        });
        return status();
    }

    private List<String> resultTitles() {
        return browser.driver.findElements(By.cssSelector(".op-zoek__uitkomst + .op-agenda .op-card h2 a")).stream().map(a -> a.getText().strip()).toList();
    }

    @Test
    void searchingByWordFindsTheComputerCourse() {
        WebElement word = openFinder();
        assertEquals("Typ een woord, of kies hieronder wat u zoekt.", status());
        long before = answers();
        assertTrue(browser.driver.findElements(By.cssSelector("nav[aria-labelledby^=filter-]")).stream().noneMatch(WebElement::isDisplayed),
                "the filter links make way for the check boxes");
        word.sendKeys("computer");
        String found = awaitAnswer(before);
        assertTrue(found.endsWith("gevonden."), found);
        assertTrue(resultTitles().stream().anyMatch(t -> t.contains("Klik & Tik")), "Dutch stemming finds the computer course: " + resultTitles());
        for (WebElement a : browser.driver.findElements(By.cssSelector(".op-zoek__uitkomst + .op-agenda a"))) {
            assertTrue(a.getAttribute("href").startsWith(stack.url("/aanbod/")), a.getAttribute("href"));
        }
        assertTrue(browser.consoleMessages().stream().noneMatch(m -> m.contains("Content Security Policy")), "nothing blocked");
    }

    @Test
    void theCheckBoxesFindWhatTheFilterPagesFind() throws Exception {
        openFinder();
        WebElement place = browser.driver.findElement(By.cssSelector("input[data-facet=plaats]"));
        String slug = place.getAttribute("value");
        int onFilterPage = count(stack.get("/zoeken/" + slug + "/").body());
        browser.driver.findElement(By.cssSelector("details.op-zoek__groep:nth-of-type(2) summary")).click();
        List<String> placesBefore = placeCounts();
        long before = answers();
        browser.driver.findElement(By.cssSelector("label[for='kies-" + slug + "']")).click();
        assertEquals(onFilterPage, number(awaitAnswer(before)), "the same offers as /zoeken/" + slug + "/");
        // The other places still say what they would add, as before anything was chosen.
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> placeCounts().equals(placesBefore));

        // A second filter as the filter page offers it, with its pair page (address in facet order).
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/zoeken/([a-z0-9-]+)/([a-z0-9-]+)/)\"").matcher(stack.get("/zoeken/" + slug + "/").body());
        assertTrue(link.find(), "the filter page offers a second filter");
        String second = link.group(2).equals(slug) ? link.group(3) : link.group(2);
        int pair = count(stack.get(link.group(1)).body());
        before = answers();
        browser.script("arguments[0].click()", browser.driver.findElement(By.id("kies-" + second))); // its group may be folded: the same change event
        assertEquals(pair, number(awaitAnswer(before)), "two filters: the same offers as " + link.group(1));
        PageChecks.assertNoAxeViolations(browser, "/zoeken/ with JavaScript and two filters chosen");
        browser.screenshot("finder-with-javascript");
    }

    @Test
    void whatIsTypedAndWhatTheIndexHoldsIsShownAsText() {
        WebElement word = openFinder();
        long before = answers();
        word.sendKeys("<img src=x onerror=\"document.title='geraakt'\">");
        String after = awaitAnswer(before);
        assertTrue(after.startsWith("Niets gevonden") || after.endsWith("gevonden."), after);
        assertTrue(browser.driver.findElements(By.cssSelector("main img")).isEmpty());
        assertFalse(browser.driver.getTitle().contains("geraakt"));
        browser.driver.get(stack.url("/zoeken/?q=taal"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> status().endsWith("gevonden."));
        assertEquals("taal", browser.driver.findElement(By.id("zoek-woord")).getAttribute("value"), "a search can be linked to");
    }

    private List<String> placeCounts() {
        return browser.driver.findElements(By.cssSelector("input[data-facet=plaats] + label .op-count")).stream()
                .map(e -> e.getAttribute("textContent").strip()).toList();
    }

    /** "12 cursussen en activiteiten gevonden." (also on the filter pages, first sentence). */
    private static int number(String status) {
        if (status.startsWith("1 cursus")) return 1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) cursussen").matcher(status);
        assertTrue(m.find(), status);
        return Integer.parseInt(m.group(1));
    }

    private static int count(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("op-lead\">(\\d+) cursus").matcher(html);
        assertTrue(m.find(), "the filter page says how many it found");
        return Integer.parseInt(m.group(1));
    }
}
