package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.LOCATIONS;
import static nl.ontwikkelplein.web.Fixtures.NOW;
import static nl.ontwikkelplein.web.Fixtures.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class OfferPageTest {
    private final Pages pages = new Pages();

    private Offer offerWithEveryKindOfSession() {
        List<Session> sessions = new ArrayList<>(Fixtures.klikEnTik().sessions()); // open, full, past
        sessions.add(Fixtures.session("inloop", LocalDateTime.parse("2026-12-15T10:00"), null, 0));
        sessions.add(new Session("afgezegd", LocalDateTime.parse("2026-12-22T14:00"), LocalDateTime.parse("2026-12-22T16:00"),
                Fixtures.HARDENBERG.id(), 12, 0, Session.SessionStatus.CANCELLED));
        return Fixtures.klikEnTik().withSessions(sessions);
    }

    @Test
    void aCalledOffDateShowsItsReasonAndACalledOffOfferTakesNoEnrolments() {
        List<Session> sessions = new ArrayList<>(Fixtures.klikEnTik().sessions());
        sessions.add(new Session("afgezegd", LocalDateTime.parse("2026-12-22T14:00"), LocalDateTime.parse("2026-12-22T16:00"),
                Fixtures.HARDENBERG.id(), 12, 0, Session.SessionStatus.CANCELLED, "De docent is ziek <b>echt</b>."));
        Document doc = Html.parse(pages.offer(Fixtures.klikEnTik().withSessions(sessions), LOCATIONS, ORG, NOW));
        assertTrue(doc.select("li.op-session .op-status").eachText().contains("Gaat niet door: De docent is ziek <b>echt</b>."),
                "the reason is shown, as text");
        Document cancelled = Html.parse(pages.offer(Fixtures.klikEnTik().withStatus(nl.ontwikkelplein.domain.OfferStatus.CANCELLED), LOCATIONS, ORG, NOW));
        assertEquals(0, cancelled.select("form").size(), "nobody can enrol in a called-off offer");
        assertTrue(cancelled.select("li.op-session .op-status").eachText().stream().allMatch(t -> t.startsWith("Gaat niet door")));
    }

    @Test
    void listsUpcomingSessionsWithAFormOnlyWhereSeatsAreLeft() {
        Document doc = Html.parse(pages.offer(offerWithEveryKindOfSession(), LOCATIONS, ORG, NOW));
        List<Element> items = doc.select("li.op-session");
        assertEquals(List.of("Dinsdag 1 december 2026", "Dinsdag 8 december 2026", "Dinsdag 15 december 2026", "Dinsdag 22 december 2026"),
                doc.select("li.op-session h3").eachText(), "the past session of 17 November is not listed");
        assertEquals(List.of("Nog 8 plaatsen", "Vol – u kunt op de wachtlijst", "Aanmelden niet nodig", "Gaat niet door"),
                doc.select("li.op-session .op-status").eachText());
        assertNotNull(items.get(0).selectFirst("form"), "open session has a form");
        assertTrue(items.get(1).selectFirst("form button").text().startsWith("Op de wachtlijst"), "full session: its waitlist");
        assertNull(items.get(2).selectFirst("form"), "walk-in session: no form");
        assertNull(items.get(3).selectFirst("form"), "cancelled session: no form");
        assertEquals(2, doc.select("form").size());
        Html.assertIdsUniqueAndReferencesResolve(doc);

        Document noWaitlist = Html.parse(pages.offer(offerWithEveryKindOfSession().withEnrolmentPolicy(new nl.ontwikkelplein.domain.EnrolmentPolicy(0)),
                LOCATIONS, ORG, NOW));
        assertEquals("Vol", noWaitlist.select("li.op-session .op-status").get(1).text());
        assertNull(noWaitlist.select("li.op-session").get(1).selectFirst("form"), "full without a waitlist: no form");
    }

    @Test
    void formIsPlainHtmlWithLabelledFieldsAndAHoneypot() {
        Document doc = Html.parse(pages.offer(offerWithEveryKindOfSession(), LOCATIONS, ORG, NOW));
        Element form = doc.selectFirst("form");
        assertEquals("post", form.attr("method"));
        assertEquals("/api/offers/klik-en-tik/sessions/di-1-dec/enrolments", form.attr("action"));
        assertTrue(form.hasAttr("novalidate"));

        Element name = form.selectFirst("input[name=name]");
        assertEquals("name", name.attr("autocomplete"));
        assertEquals("Uw naam", form.selectFirst("label[for=" + name.id() + "]").text());
        Element phone = form.selectFirst("input[name=phone]");
        assertEquals("tel", phone.attr("type"));
        assertEquals("tel", phone.attr("autocomplete"));
        assertEquals("Uw telefoonnummer", form.selectFirst("label[for=" + phone.id() + "]").text());
        assertTrue(name.id().endsWith("di-1-dec") && phone.id().endsWith("di-1-dec"), "ids unique per session");

        Element honeypot = form.selectFirst("input[name=website]");
        assertEquals("-1", honeypot.attr("tabindex"));
        assertEquals("off", honeypot.attr("autocomplete"));
        assertEquals("true", honeypot.parent().attr("aria-hidden"));
        assertTrue(honeypot.parent().hasClass("op-hp"), "visually hidden by CSS");

        Element button = form.selectFirst("button[type=submit]");
        assertTrue(button.text().startsWith("Aanmelden"));
        Html.assertIdsUniqueAndReferencesResolve(doc);
    }

    @Test
    void pageHasLayoutLandmarksAndOrderedHeadings() {
        String html = pages.offer(offerWithEveryKindOfSession(), LOCATIONS, ORG, NOW);
        Document doc = Html.parse(html);
        assertEquals("nl", doc.selectFirst("html").attr("lang"));
        Element skip = doc.selectFirst("body > a");
        assertEquals("Naar de inhoud", skip.text());
        assertEquals("#inhoud", skip.attr("href"));
        assertNotNull(doc.selectFirst("main#inhoud"));
        assertNotNull(doc.selectFirst("header"));
        assertNotNull(doc.selectFirst("footer"));
        assertEquals("/aanbod/klik-en-tik/", doc.selectFirst("link[rel=canonical]").attr("href"), "relative canonical URL");
        Html.assertHeadingsInOrder(doc);
        Html.assertIdsUniqueAndReferencesResolve(doc);
        assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty(), "no JavaScript");
    }

    @Test
    void showsTheOfferFacts() {
        Document doc = Html.parse(pages.offer(Fixtures.klikEnTik(), LOCATIONS, ORG, NOW));
        assertEquals("Klik & Tik. De basis", doc.selectFirst("h1").text());
        assertEquals(List.of("Soort", "Onderwerp", "Voor wie", "Thema’s", "Waar", "Kosten", "Door"), doc.select("dt").eachText());
        assertEquals(List.of("Cursus", "Basisvaardigheden", "Beginners, Werkzoekenden", "Digitale vaardigheden", "Op locatie", "Gratis", "Bibliotheek Hardenberg"),
                doc.select("dd").eachText());
        // Plain-text description: an empty line starts a paragraph, a single newline a new line.
        List<Element> paragraphs = doc.select("h2:contains(Over deze activiteit) ~ p.utrecht-paragraph");
        assertEquals("Klik &amp; Tik is een cursus voor beginners.<br>U oefent met filmpjes en opdrachten.", paragraphs.get(0).html().replaceAll("\\s*\\n\\s*", ""));
        assertEquals("Een vrijwilliger helpt u.", paragraphs.get(1).text());
        assertEquals("https://www.klikentik.nl/", doc.selectFirst("a:contains(Meer informatie)").attr("href"));
        assertEquals("Bibliotheek Hardenberg Voorstraat 34, 7772 AE Hardenberg", doc.selectFirst(".op-session__where").text());
    }

    @Test
    void jsonLdDescribesEachUpcomingSession() throws Exception {
        String html = pages.offer(offerWithEveryKindOfSession(), LOCATIONS, ORG, NOW);
        JsonNode graph = Html.jsonLd(html).get("@graph");
        assertEquals(4, graph.size());
        JsonNode first = graph.get(0);
        assertEquals("EducationEvent", first.get("@type").asText());
        assertEquals("Klik & Tik. De basis", first.get("name").asText());
        assertEquals("2026-12-01T14:00:00+01:00", first.get("startDate").asText());
        assertEquals("https://schema.org/OfflineEventAttendanceMode", first.get("eventAttendanceMode").asText());
        assertEquals("Voorstraat 34", first.at("/location/address/streetAddress").asText());
        assertEquals("Hardenberg", first.at("/location/address/addressLocality").asText());
        assertEquals("0.00", first.at("/offers/price").asText());
        assertEquals("EUR", first.at("/offers/priceCurrency").asText());
        assertEquals("https://schema.org/InStock", first.at("/offers/availability").asText());
        assertEquals("Bibliotheek Hardenberg", first.at("/organizer/name").asText());
        assertEquals("https://schema.org/SoldOut", graph.get(1).at("/offers/availability").asText());
        assertEquals("https://schema.org/EventCancelled", graph.get(3).get("eventStatus").asText());
    }

    @Test
    void aPriceTheFeedDoesNotGiveIsNotCalledFreeAnywhere() throws Exception {
        Offer o = Fixtures.klikEnTik();
        Offer unknown = new Offer(o.id(), o.organisationId(), o.title(), o.summary(), o.description(), o.kind(), o.programmeLine(), o.themes(),
                o.targetGroups(), o.format(), nl.ontwikkelplein.domain.Price.UNKNOWN, "Taalhuis", o.moreInfoUrl(), o.enrolmentScope(),
                new Offer.Source("partner", "X-1", "hash"), o.updatedAt(), o.sessions());
        String html = pages.offer(unknown, LOCATIONS, ORG, NOW);
        Document doc = Html.parse(html);
        assertEquals("Vraag het aan de aanbieder", doc.selectFirst("dt:contains(Kosten) + dd").text());
        JsonNode offers = Html.jsonLd(html).get("@graph").get(0).get("offers");
        assertNull(offers.get("price"), "no price rather than 0.00: " + offers);
        assertNull(offers.get("priceCurrency"));
        assertEquals("https://schema.org/InStock", offers.get("availability").asText());
    }

    @Test
    void anOfferThatRunsInAPeriodSaysWhenWhereAndWhoTellsTheTimes() throws Exception {
        Offer o = PublicSiteTest.periodOffer("roc-b1", java.time.LocalDate.of(2027, 9, 6), java.time.LocalDate.of(2028, 1, 28));
        String html = pages.offer(o, LOCATIONS, ORG, NOW);
        Document doc = Html.parse(html);
        String dates = doc.select("#datums ~ p").eachText().toString();
        assertTrue(dates.contains("Van maandag 6 september 2027 tot en met vrijdag 28 januari 2028."), dates);
        assertTrue(dates.contains("Waar: Bibliotheek, Julianastraat 1, 7701 JA Dedemsvaart"), dates);
        assertTrue(dates.contains("Op welke dagen en hoe laat, hoort u van ROC Twente. Aanmelden gaat ook via ROC Twente."), dates);
        assertFalse(html.contains("Er zijn nu nog geen datums"));
        assertEquals(0, doc.select("form").size(), "enrolment is at the provider");
        JsonNode event = Html.jsonLd(html).get("@graph").get(0);
        assertEquals("2027-09-06", event.get("startDate").asText());
        assertEquals("2028-01-28", event.get("endDate").asText());
        assertEquals("Dedemsvaart", event.at("/location/address/addressLocality").asText());
        assertNull(event.get("offers").get("availability"));
    }

    @Test
    void aPeriodCalledOffOrOverSaysSo() throws Exception {
        Offer running = PublicSiteTest.periodOffer("roc-b1", java.time.LocalDate.of(2027, 9, 6), java.time.LocalDate.of(2028, 1, 28));
        String called = pages.offer(running.withStatus(nl.ontwikkelplein.domain.OfferStatus.CANCELLED), LOCATIONS, ORG, NOW);
        String text = Html.parse(called).select("#datums ~ p").eachText().toString();
        assertTrue(text.contains("tot en met vrijdag 28 januari 2028. Dit gaat niet door.") && text.contains("Aanmelden kan niet."), text);
        assertEquals("https://schema.org/EventCancelled", Html.jsonLd(called).get("@graph").get(0).get("eventStatus").asText());

        Offer over = PublicSiteTest.periodOffer("roc-a2", java.time.LocalDate.of(2026, 9, 7), java.time.LocalDate.of(2026, 11, 23)); // NOW is 24 November
        String past = Html.parse(pages.offer(over, LOCATIONS, ORG, NOW)).select("#datums ~ p").eachText().toString();
        assertTrue(past.contains("Deze periode is voorbij.") && past.contains("Vraag ROC Twente wanneer het weer begint."), past);
    }

    @Test
    void offerWithoutUpcomingSessionsSaysSo() {
        Offer offer = Fixtures.klikEnTik().withSessions(List.of());
        Document doc = Html.parse(pages.offer(offer, LOCATIONS, ORG, NOW));
        assertTrue(doc.selectFirst("#datums + p").text().startsWith("Er zijn nu nog geen datums."));
    }
}
