package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.HARDENBERG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.ManagedEnrolment;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OwnEnrolments;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class OwnEnrolmentPagesTest {
    private final OwnEnrolmentPages pages = new OwnEnrolmentPages(null);
    private final String token = "t".repeat(43);

    private OwnEnrolments.View view(Offer offer, Enrolment.EnrolmentStatus status, int position, String name) {
        Session s = offer.sessions().get(0);
        Enrolment e = new Enrolment(offer.id(), s.id(), "k", name, "+31612345678", status, Fixtures.NOW,
                Fixtures.NOW.plusSeconds(86400 * 90), 4, "hash");
        return new OwnEnrolments.View(new ManagedEnrolment(e, position, false), offer, s, List.of(s), HARDENBERG);
    }

    @Test
    void aWaitingPersonSeesTheirPlaceAndCanCancelOrLeaveWithTheirData() {
        Offer offer = Fixtures.klikEnTik();
        Document doc = Html.parse(pages.page(view(offer, Enrolment.EnrolmentStatus.WAITLISTED, 2, "Anna"), token, Fixtures.NOW));
        assertEquals("Uw aanmelding voor Klik & Tik. De basis", doc.selectFirst("h1").text());
        String text = doc.selectFirst("main").text();
        assertTrue(text.contains("U staat op plek 2 van de wachtlijst."), text);
        assertTrue(text.contains("Bibliotheek Hardenberg"));
        assertEquals("/aanmelding/" + token + "/afmelden", doc.selectFirst("a:contains(Afmelden)").attr("href"));
        assertEquals("/aanmelding/" + token + "/agenda.ics", doc.selectFirst("a:contains(agenda)").attr("href"));
        assertEquals("/aanmelding/" + token + "/verwijderen", doc.selectFirst("a:contains(Verwijder uw gegevens)").attr("href"));
        assertTrue(text.contains("Anna") && text.contains("+31612345678"), "what we keep is shown");
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        Html.assertHeadingsInOrder(doc);
        Html.assertIdsUniqueAndReferencesResolve(doc);
    }

    @Test
    void afterTheStartCancellingGoesByPhoneAndACancelledOneHasNoCalendar() {
        Offer offer = Fixtures.klikEnTik();
        Instant later = offer.sessions().get(0).startInstant().plusSeconds(60);
        Document started = Html.parse(pages.page(view(offer, Enrolment.EnrolmentStatus.CONFIRMED, 0, "Anna"), token, later));
        assertNull(started.selectFirst("a:contains(Afmelden)"));
        assertTrue(started.text().contains("Bel de bibliotheek als u niet meer komt."));
        Document cancelled = Html.parse(pages.page(view(offer, Enrolment.EnrolmentStatus.CANCELLED, 0, "Anna"), token, Fixtures.NOW));
        assertTrue(cancelled.text().contains("U bent afgemeld"));
        assertNull(cancelled.selectFirst("a:contains(agenda)"));
        assertNull(cancelled.selectFirst("a:contains(Afmelden)"));
    }

    @Test
    void aHostileNameIsShownAsText() {
        Offer offer = Fixtures.klikEnTik();
        Document doc = Html.parse(pages.page(view(offer, Enrolment.EnrolmentStatus.CONFIRMED, 0, "<img src=x onerror=alert(1)>"), token, Fixtures.NOW));
        Html.assertNoInjectedMarkup(doc);
        assertTrue(doc.text().contains("<img src=x onerror=alert(1)>"));
    }

    @Test
    void theConfirmationIsAPlainFormWithAWayBack() {
        Offer offer = Fixtures.klikEnTik();
        Document doc = Html.parse(pages.confirmCancel(view(offer, Enrolment.EnrolmentStatus.CONFIRMED, 0, "Anna"), token));
        assertEquals("Wilt u zich afmelden?", doc.selectFirst("h1").text());
        assertEquals("post", doc.selectFirst("main form").attr("method"));
        assertEquals("/aanmelding/" + token + "/afmelden", doc.selectFirst("main form").attr("action"));
        assertEquals("/aanmelding/" + token, doc.selectFirst("a:contains(Nee)").attr("href"));
        for (OwnEnrolments.CancelOutcome outcome : OwnEnrolments.CancelOutcome.values()) {
            Document after = Html.parse(pages.cancelled(outcome, token));
            assertTrue(!after.selectFirst("h1").text().isBlank());
            Html.assertHeadingsInOrder(after);
        }
    }
}
