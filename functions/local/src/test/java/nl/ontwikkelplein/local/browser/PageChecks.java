package nl.ontwikkelplein.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a public page must pass in a real browser. Each check fails with a message that says what
 * is wrong and where; {@code PublicPagesBrowserTest#theChecksCatchBrokenPages} proves they can fail.
 */
final class PageChecks {

    /** The WCAG 2.2 AA rule set as axe-core tags it. */
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private PageChecks() {}

    /**
     * No axe-core violation of WCAG 2.0-2.2 A/AA on the page as it is now. Best-practice findings
     * and checks axe could not decide ("incomplete") are printed as information only.
     */
    static void assertNoAxeViolations(Browser browser, String page) {
        List<String> tags = Stream.concat(WCAG_TAGS.stream(), Stream.of("best-practice")).toList();
        Results results = new AxeBuilder().withTags(tags).analyze(browser.driver);
        if (results.isErrored()) fail("axe-core did not run on " + page + ": " + results.getErrorMessage());
        assertFalse(results.getPasses() == null || results.getPasses().isEmpty(), "axe-core checked nothing on " + page);
        List<Rule> wcag = new ArrayList<>();
        List<Rule> bestPractice = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            (rule.getTags().stream().anyMatch(WCAG_TAGS::contains) ? wcag : bestPractice).add(rule);
        }
        if (!bestPractice.isEmpty()) {
            System.out.println("[axe info] " + page + ": best-practice findings (not failing):\n" + describe(bestPractice));
        }
        List<Rule> incomplete = results.getIncomplete() == null ? List.of() : results.getIncomplete();
        if (!incomplete.isEmpty()) {
            System.out.println("[axe info] " + page + ": needs a human look: "
                    + incomplete.stream().map(r -> r.getId() + " (" + r.getNodes().size() + ")").collect(Collectors.joining(", ")));
        }
        if (!wcag.isEmpty()) {
            fail("axe-core found " + wcag.size() + " WCAG 2.2 A/AA violation(s) on " + page + " (" + results.getUrl() + "):\n" + describe(wcag));
        }
    }

    static String describe(List<Rule> rules) {
        StringBuilder out = new StringBuilder();
        for (Rule rule : rules) {
            out.append("  - ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
                    .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")\n");
            for (CheckedNode node : rule.getNodes()) {
                out.append("      node ").append(node.getTarget());
                if (node.getFailureSummary() != null) {
                    out.append(": ").append(node.getFailureSummary().replaceAll("\\s*\\n\\s*", " / "));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** document.documentElement.scrollWidth <= window.innerWidth: nothing to scroll sideways. */
    static void assertNoHorizontalScroll(Browser browser, String page) {
        long scrollWidth = browser.number("return document.documentElement.scrollWidth");
        long innerWidth = browser.number("return window.innerWidth");
        if (scrollWidth > innerWidth) {
            Object culprits = browser.script("""
                    const w = window.innerWidth, out = [];
                    for (const e of document.querySelectorAll('body *')) {
                      const r = e.getBoundingClientRect();
                      if (r.right > w + 0.5 && out.length < 8)
                        out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                          + ' right=' + Math.round(r.right));
                    }
                    return out.join(', ');""");
            fail(page + " scrolls sideways at " + innerWidth + " CSS px: scrollWidth is " + scrollWidth
                    + ". Elements sticking out: " + culprits);
        }
    }

    /** Every element matching the selector is at least min x min CSS px (WCAG 2.2, 2.5.8 Target Size). */
    static void assertTargetsAtLeast(Browser browser, String selector, int min, String page) {
        List<WebElement> targets = browser.driver.findElements(By.cssSelector(selector));
        assertFalse(targets.isEmpty(), "no element matches " + selector + " on " + page);
        List<String> small = new ArrayList<>();
        for (WebElement target : targets) {
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) browser.script("""
                    const r = arguments[0].getBoundingClientRect();
                    return {w: r.width, h: r.height, what: arguments[0].outerHTML.slice(0, 90)};""", target);
            double w = ((Number) box.get("w")).doubleValue();
            double h = ((Number) box.get("h")).doubleValue();
            if (w < min || h < min) small.add(String.format("%.1fx%.1f %s", w, h, box.get("what")));
        }
        assertTrue(small.isEmpty(), "targets smaller than " + min + "x" + min + " CSS px on " + page + ": " + small);
    }

    /**
     * From a freshly loaded page, the first Tab lands on the skip link "Naar de inhoud", which is
     * then on screen: inside the viewport, at least 24x24, not transparent, and not covered.
     */
    static void assertFirstTabShowsSkipLink(Browser browser, String page) {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.driver.switchTo().activeElement();
        String text = String.valueOf(focused.getDomProperty("textContent")).strip();
        assertEquals("Naar de inhoud", text, "the first Tab on " + page + " should focus the skip link, but focused "
                + focused.getTagName() + " '" + text + "'");
        assertTrue(String.valueOf(focused.getAttribute("href")).endsWith("#inhoud"), "skip link target: " + focused.getAttribute("href"));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.script("""
                const e = arguments[0], r = e.getBoundingClientRect(), s = getComputedStyle(e);
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height,
                        vw: window.innerWidth, vh: window.innerHeight, opacity: Number(s.opacity), visibility: s.visibility,
                        clip: s.clipPath + ' ' + s.clip, onTop: hit !== null && (hit === e || e.contains(hit))};""", focused);
        String where = page + ": focused skip link " + seen;
        double w = num(seen, "w");
        double h = num(seen, "h");
        assertTrue(w >= 24 && h >= 24, "too small or hidden, " + where);
        assertTrue(num(seen, "left") >= 0 && num(seen, "top") >= 0
                && num(seen, "right") <= num(seen, "vw") && num(seen, "bottom") <= num(seen, "vh"), "not inside the viewport, " + where);
        assertTrue(num(seen, "opacity") > 0.9 && "visible".equals(seen.get("visibility")), "transparent or invisible, " + where);
        assertTrue(Boolean.TRUE.equals(seen.get("onTop")), "covered by another element, " + where);
    }

    private static double num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
