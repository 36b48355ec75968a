package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.LOCATIONS;
import static nl.ontwikkelplein.web.Fixtures.NOW;
import static nl.ontwikkelplein.web.Fixtures.ORGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HomePageTest {
    private final Pages pages = new Pages();

    @Test
    void groupsUpcomingSessionsByDay() {
        Offer klik = Fixtures.klikEnTik();
        Session walkIn = new Session("inloop", LocalDateTime.parse("2026-12-01T10:00"), LocalDateTime.parse("2026-12-01T11:30"),
                Fixtures.DEDEMSVAART.id(), null, 0, Session.SessionStatus.SCHEDULED);
        List<AgendaEntry> entries = List.of(
                Fixtures.entry(klik, klik.sessions().get(0)),
                Fixtures.entry(klik, klik.sessions().get(1)),
                Fixtures.entry(klik, walkIn),
                Fixtures.entry(klik, klik.sessions().get(2))); // past: left out
        Document doc = Html.parse(pages.home(entries, LOCATIONS, ORGS, NOW));

        assertEquals(List.of("Dinsdag 1 december 2026", "Dinsdag 8 december 2026"), doc.select("main h2").eachText());
        List<Element> firstDay = doc.select("section").get(0).select("li");
        assertEquals(2, firstDay.size());
        Element early = firstDay.get(0);
        assertEquals("10.00 – 11.30 uur", early.selectFirst("time").text(), "sorted by start within the day");
        assertTrue(early.text().contains("Bibliotheek, Dedemsvaart"), "place named with its town");
        assertEquals("Aanmelden niet nodig", early.selectFirst(".op-status").text());
        Element late = firstDay.get(1);
        assertEquals("/aanbod/klik-en-tik/", late.selectFirst("h3 a").attr("href"));
        assertTrue(late.text().contains("Cursus"));
        assertTrue(late.text().contains("Bibliotheek Hardenberg"));
        assertTrue(late.text().contains("Gratis"));
        assertEquals("Nog 8 plaatsen", late.selectFirst(".op-status").text());
        assertEquals("Vol", doc.select("section").get(1).selectFirst(".op-status").text());
        Html.assertHeadingsInOrder(doc);
        Html.assertIdsUniqueAndReferencesResolve(doc);
    }

    @Test
    void emptyAgendaSaysSo() {
        Document doc = Html.parse(pages.home(List.of(), LOCATIONS, ORGS, NOW));
        assertTrue(doc.selectFirst("main").text().contains("Er staat nu niets in de agenda."));
    }

    @Test
    void notFoundPageIsNotIndexed() {
        Document doc = Html.parse(pages.notFound());
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("Deze pagina bestaat niet", doc.selectFirst("h1").text());
        assertEquals("/", doc.selectFirst("main a").attr("href"));
    }

    @Test
    void assetVersionIsAppendedToStylesheets() {
        Document doc = Html.parse(new Pages("abc123").notFound());
        assertEquals(List.of("/css/vendor/utrecht.css?v=abc123", "/css/site.css?v=abc123"), doc.select("link[rel=stylesheet]").eachAttr("href"));
    }
}
