package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.HARDENBERG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.ontwikkelplein.domain.EnrolmentService.Outcome;
import nl.ontwikkelplein.domain.EnrolmentService.Result;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnrolmentPagesTest {
    private final Pages pages = new Pages();
    private final Offer offer = Fixtures.klikEnTik();
    private final Session session = offer.sessions().get(0);

    @Test
    void errorFormHasSummaryLinkingToFieldsAndKeepsValues() {
        String html = pages.enrolmentForm(offer, session, HARDENBERG,
                List.of(new FieldError("phone", "Vul een telefoonnummer in waarop we u kunnen bellen, bijvoorbeeld 06 12345678."),
                        new FieldError("name", "Vul uw naam in.")),
                "", "06-123");
        Document doc = Html.parse(html);
        assertTrue(doc.title().startsWith("Fout: Aanmelden voor Klik & Tik. De basis"));
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));

        Element summary = doc.selectFirst(".op-error-summary");
        assertNotNull(summary, "error summary");
        assertEquals("alert", summary.attr("role"));
        assertEquals("Er is een probleem", summary.selectFirst("h2").text());
        assertEquals(List.of("#name-di-1-dec", "#phone-di-1-dec"), summary.select("a").eachAttr("href"), "in the order of the form");
        assertEquals(List.of("Vul uw naam in.", "Vul een telefoonnummer in waarop we u kunnen bellen, bijvoorbeeld 06 12345678."),
                summary.select("a").eachText());

        Element phone = doc.selectFirst("#phone-di-1-dec");
        assertEquals("06-123", phone.val(), "what was typed is kept");
        assertEquals("true", phone.attr("aria-invalid"));
        String describedBy = phone.attr("aria-describedby");
        assertTrue(describedBy.contains("phone-di-1-dec-fout"));
        assertTrue(doc.getElementById("phone-di-1-dec-fout").text().contains("Vul een telefoonnummer in"));
        Element name = doc.selectFirst("#name-di-1-dec");
        assertEquals("true", name.attr("aria-invalid"));
        assertEquals("name-di-1-dec-fout", name.attr("aria-describedby"));

        Element form = doc.selectFirst("form");
        assertEquals("/api/offers/klik-en-tik/sessions/di-1-dec/enrolments", form.attr("action"));
        assertTrue(doc.text().contains("Dinsdag 1 december 2026"), "says which session");
        Html.assertIdsUniqueAndReferencesResolve(doc);
        Html.assertHeadingsInOrder(doc);
    }

    @Test
    void fieldWithoutErrorIsNotMarkedInvalid() {
        Document doc = Html.parse(pages.enrolmentForm(offer, session, HARDENBERG,
                List.of(new FieldError("phone", "Vul een telefoonnummer in.")), "Jan Jansen", "12"));
        Element name = doc.selectFirst("#name-di-1-dec");
        assertEquals("Jan Jansen", name.val());
        assertFalse(name.hasAttr("aria-invalid"));
        assertFalse(name.hasAttr("aria-describedby"));
        assertEquals(1, doc.select(".op-error-summary a").size());
    }

    @Test
    void enrolledSaysWhatWhenWhereAndWhatNext() {
        String token = "a".repeat(43);
        Document doc = Html.parse(pages.enrolmentResult(new Result(Outcome.ENROLLED, offer, session, 0, token), HARDENBERG));
        assertEquals("U bent aangemeld", doc.selectFirst("h1").text());
        String text = doc.selectFirst("main").text();
        assertTrue(text.contains("U bent aangemeld voor Klik & Tik. De basis op dinsdag 1 december, 14.00 uur, in Bibliotheek Hardenberg."), text);
        assertTrue(text.contains("Voorstraat 34, 7772 AE Hardenberg"));
        assertTrue(text.contains("Kunt u toch niet? Meld u dan af met de link hieronder, of bel de bibliotheek."));
        assertEquals("/aanmelding/" + token, doc.selectFirst("main ul a").attr("href"), "the private link comes first");
        assertEquals("/aanbod/klik-en-tik/", doc.select("main ul a").get(1).attr("href"));
    }

    @Test
    void waitlistedSaysThePlaceAndWhatHappensNext() {
        Document doc = Html.parse(pages.enrolmentResult(new Result(Outcome.WAITLISTED, offer, session, 3, "b".repeat(43)), HARDENBERG));
        assertEquals("U staat op de wachtlijst", doc.selectFirst("h1").text());
        String text = doc.selectFirst("main").text();
        assertTrue(text.contains("U staat op plek 3 van de wachtlijst."), text);
        assertTrue(text.contains("Dan krijgt u die plaats vanzelf."));
        assertEquals("/aanmelding/" + "b".repeat(43), doc.selectFirst("main ul a").attr("href"));
        Html.assertHeadingsInOrder(doc);
    }

    @Test
    void fullSendsToAnotherDate() {
        Document doc = Html.parse(pages.enrolmentResult(new Result(Outcome.FULL, offer, session), HARDENBERG));
        assertEquals("Deze bijeenkomst is vol", doc.selectFirst("h1").text());
        assertTrue(doc.selectFirst("main").text().contains("is vol, en de wachtlijst ook."), "the offer has a waitlist, which is full too");
        assertTrue(doc.selectFirst("main").text().contains("Kies een andere datum."));
        assertEquals("/aanbod/klik-en-tik/#datums", doc.selectFirst("main ul a").attr("href"));
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeHasAHeadingAMessageAndANextStep(Outcome outcome) {
        boolean found = outcome != Outcome.NOT_FOUND;
        Document doc = Html.parse(pages.enrolmentResult(new Result(outcome, found ? offer : null, found ? session : null), null));
        assertFalse(doc.selectFirst("h1").text().isBlank());
        assertFalse(doc.select(".utrecht-alert p").isEmpty());
        assertFalse(doc.select("main ul a").isEmpty(), "a next step");
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        assertFalse(doc.text().contains("null"), "no missing values in the text");
        Html.assertHeadingsInOrder(doc);
        Html.assertNoInjectedMarkup(doc);
    }

    @Test
    void noEnrolmentNeededInvitesToJustCome() {
        Document doc = Html.parse(pages.enrolmentResult(new Result(Outcome.NO_ENROLMENT_NEEDED, offer, session), HARDENBERG));
        assertTrue(doc.selectFirst("main").text().contains("U kunt gewoon komen, in Bibliotheek Hardenberg."));
        assertNull(doc.selectFirst("form"));
    }
}
