package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.HARDENBERG;
import static nl.ontwikkelplein.web.Fixtures.LOCATIONS;
import static nl.ontwikkelplein.web.Fixtures.NOW;
import static nl.ontwikkelplein.web.Fixtures.ORG;
import static nl.ontwikkelplein.web.Fixtures.ORGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Text from editors and partner feeds is data, never markup: not in HTML, not in attributes, not in JSON-LD. */
class EscapingTest {
    static final String TITLE = "<script>alert(1)</script>";
    static final String DESCRIPTION = "Leuk!\"><img src=x onerror=alert(1)>\n\nTweede </p><b>alinea</b>";
    static final String SUMMARY = "Kort </script><script>alert(2)</script> & 'quotes' \u2028 \"ok\"";

    private final Pages pages = new Pages();

    private static Offer hostile() {
        Session s = Fixtures.session("s1", LocalDateTime.parse("2026-12-01T14:00"), 10, 0);
        return new Offer("hostile", ORG.id(), TITLE, SUMMARY, DESCRIPTION, OfferKind.WORKSHOP, ProgrammeLine.WORK,
                List.of("<i>thema</i>"), List.of("\"><svg onload=alert(3)>"), DeliveryFormat.IN_PERSON, Price.FREE,
                "<b>Partner</b>", "javascript:alert(4)", null, null, NOW, List.of(s));
    }

    @Test
    void offerPageEscapesEditorTextInHtml() {
        String html = pages.offer(hostile(), LOCATIONS, ORG, NOW);
        Document doc = Html.parse(html);

        Html.assertNoInjectedMarkup(doc);
        assertFalse(html.contains("<script>alert"), "script tag escaped");
        assertFalse(html.contains("<img"), "img tag escaped");
        assertEquals(TITLE, doc.selectFirst("h1").text(), "the title reads as the literal text");
        assertEquals(TITLE + " – Ontwikkelplein", doc.title());
        assertTrue(doc.selectFirst("main").text().contains("Leuk!\"><img src=x onerror=alert(1)>"), "description shown as text");
        assertTrue(doc.selectFirst("main").text().contains("Tweede </p><b>alinea</b>"));
        assertTrue(doc.selectFirst("main").text().contains("<b>Partner</b>"));
        assertEquals(SUMMARY.replaceAll("\\s+", " ").strip(), doc.selectFirst("meta[name=description]").attr("content").replaceAll("\\s+", " ").strip());
    }

    @Test
    void offerPageNeverLinksToJavascriptUrls() {
        Document doc = Html.parse(pages.offer(hostile(), LOCATIONS, ORG, NOW));
        assertTrue(doc.select("a[href^=javascript]").isEmpty());
        assertTrue(doc.select("a:contains(Meer informatie)").isEmpty(), "an unsafe more-info link is left out");
    }

    @Test
    void jsonLdIsValidJsonAndCannotCloseTheScriptElement() throws Exception {
        String html = pages.offer(hostile(), LOCATIONS, ORG, NOW);
        assertEquals(1, html.split("</script>", -1).length - 1, "exactly one </script>: the JSON-LD's own");

        JsonNode event = Html.jsonLd(html).get("@graph").get(0);
        assertEquals(TITLE, event.get("name").asText(), "the title survives as data");
        assertEquals(SUMMARY, event.get("description").asText());
        assertEquals("\"><svg onload=alert(3)>", event.at("/audience/audienceType").asText());
        assertTrue(html.contains("\\u003c/script\\u003e"), "< and > written as \\u003c and \\u003e");
    }

    @Test
    void homePageEscapesTitles() {
        Offer offer = hostile();
        String html = pages.home(List.of(Fixtures.entry(offer, offer.sessions().get(0))), LOCATIONS, ORGS, NOW);
        Document doc = Html.parse(html);
        Html.assertNoInjectedMarkup(doc);
        assertEquals(TITLE, doc.selectFirst("h3 a").text());
        assertEquals("/aanbod/hostile/", doc.selectFirst("h3 a").attr("href"));
    }

    @Test
    void locationAndOrganisationNamesAreEscaped() {
        Location evil = new Location("evil", ORG.id(), "Zaal \"><script>alert(5)</script>", Location.LocationKind.PARTNER,
                new Location.Address("<img src=x onerror=alert(6)>", "1234 AB", "Stad"), null, null);
        Organisation org = new Organisation("evil-org", "Org <script>alert(7)</script>", "javascript:alert(8)");
        Offer offer = hostile();
        Offer atEvil = offer.withSessions(List.of(new Session("s1", LocalDateTime.parse("2026-12-01T14:00"),
                LocalDateTime.parse("2026-12-01T16:00"), "evil", 5, 0, Session.SessionStatus.SCHEDULED)));
        String html = pages.offer(atEvil, java.util.Map.of("evil", evil), org, NOW);
        Html.assertNoInjectedMarkup(Html.parse(html));
        assertFalse(html.contains("\"url\":\"javascript"), "unsafe organisation website left out of JSON-LD");

        String home = pages.home(List.of(Fixtures.entry(atEvil, atEvil.sessions().get(0))), java.util.Map.of("evil", evil),
                java.util.Map.of(org.id(), org), NOW);
        Html.assertNoInjectedMarkup(Html.parse(home));
    }

    @Test
    void enrolmentFormKeepsHostileInputAsValue() {
        Offer offer = hostile();
        String name = "\"><script>alert(9)</script>";
        String phone = "' onfocus='alert(10)";
        String html = pages.enrolmentForm(offer, offer.sessions().get(0), HARDENBERG,
                List.of(new FieldError("name", "Vul uw naam in.")), name, phone);
        Document doc = Html.parse(html);
        Html.assertNoInjectedMarkup(doc);
        assertEquals(name, doc.selectFirst("input[name=name]").val());
        assertEquals(phone, doc.selectFirst("input[name=phone]").val());
    }

    @Test
    void problemPageShowsTheMessageAsTextAndIsNotIndexed() {
        Document doc = Html.parse(pages.problem("Te groot <script>alert(11)</script>"));
        Html.assertNoInjectedMarkup(doc);
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        assertTrue(doc.selectFirst("main").text().contains("Te groot <script>alert(11)</script>"));
        Html.assertHeadingsInOrder(doc);
    }

    @Test
    void enrolmentResultEscapesTitle() {
        Offer offer = hostile();
        String html = pages.enrolmentResult(new EnrolmentService.Result(EnrolmentService.Outcome.ENROLLED, offer, offer.sessions().get(0)), HARDENBERG);
        Document doc = Html.parse(html);
        Html.assertNoInjectedMarkup(doc);
        assertTrue(doc.selectFirst("main").text().contains("U bent aangemeld voor " + TITLE + " op dinsdag 1 december, 14.00 uur"));
    }
}
