package nl.ontwikkelplein.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Test helpers that read a page the way a browser does. */
final class Html {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {}

    static Document parse(String html) { return Jsoup.parse(html); }

    /** No script but JSON-LD and the site's own finder module, no injected elements, no event-handler attributes, no javascript: links. */
    static void assertNoInjectedMarkup(Document doc) {
        for (Element script : doc.select("script")) {
            if (script.attr("type").equals("module") && script.attr("src").matches("/js/zoeken\\.js(\\?v=[a-z0-9]+)?") && script.html().isEmpty()) continue;
            assertEquals("application/ld+json", script.attr("type"), "only JSON-LD scripts: " + script);
        }
        // The tiles' pictograms are our own inline SVG (class op-tile__icon); any other svg was injected.
        assertTrue(doc.select("img, iframe, object, embed, b, svg:not(.op-tile__icon)").isEmpty(), "no injected elements");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().toLowerCase().startsWith("on")) fail("event handler attribute " + a + " on " + e.tagName());
                if (a.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:")) fail("javascript: URL in " + a);
            }
        }
    }

    /** Every id occurs once, and every label, aria-describedby and in-page link points at an existing id. */
    static void assertIdsUniqueAndReferencesResolve(Document doc) {
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) assertTrue(ids.add(e.id()), "duplicate id " + e.id());
        for (Element label : doc.select("label[for]")) assertTrue(ids.contains(label.attr("for")), "label for " + label.attr("for"));
        for (Element e : doc.select("[aria-describedby]"))
            for (String id : e.attr("aria-describedby").split(" ")) assertTrue(ids.contains(id), "aria-describedby " + id);
        for (Element e : doc.select("[aria-labelledby]")) assertTrue(ids.contains(e.attr("aria-labelledby")), "aria-labelledby");
        for (Element a : doc.select("a[href^=#]")) assertTrue(ids.contains(a.attr("href").substring(1)), "link to " + a.attr("href"));
    }

    /** One h1, and no heading level skipped on the way down. */
    static void assertHeadingsInOrder(Document doc) {
        Elements headings = doc.select("h1, h2, h3, h4, h5, h6");
        assertEquals(1, doc.select("h1").size(), "one h1");
        assertEquals("h1", headings.first().tagName(), "first heading is h1");
        int previous = 1;
        for (Element h : headings) {
            int level = h.tagName().charAt(1) - '0';
            assertTrue(level <= previous + 1, "heading " + h.tagName() + " '" + h.text() + "' follows h" + previous);
            previous = level;
        }
    }

    /** The JSON-LD, checked to be valid JSON with nothing in it that could end the script element. */
    static JsonNode jsonLd(String html) throws Exception {
        int start = html.indexOf("<script type=\"application/ld+json\">");
        assertTrue(start >= 0, "has JSON-LD");
        start += "<script type=\"application/ld+json\">".length();
        int end = html.indexOf("</script>", start);
        String json = html.substring(start, end);
        assertTrue(!json.contains("<") && !json.contains(">") && !json.contains("&"), "JSON-LD has no < > &: " + json);
        return JSON.readTree(json);
    }
}
