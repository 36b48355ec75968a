package nl.ontwikkelplein.web;

import static nl.ontwikkelplein.web.Fixtures.LOCATIONS;
import static nl.ontwikkelplein.web.Fixtures.NOW;
import static nl.ontwikkelplein.web.Fixtures.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A course of several lessons has one form for all of them, never one per lesson. */
class CoursePageTest {
    private final Pages pages = new Pages();

    private static Offer course(int takenInEachLesson, LocalDateTime firstLesson) {
        List<Session> lessons = List.of(
                Fixtures.session("les-1", firstLesson, 8, takenInEachLesson),
                Fixtures.session("les-2", firstLesson.plusWeeks(1), 8, takenInEachLesson),
                Fixtures.session("les-3", firstLesson.plusWeeks(2), 8, takenInEachLesson));
        return new Offer("digisterker", ORG.id(), "Digisterker", "Zaken regelen met de overheid.", null, OfferKind.COURSE,
                ProgrammeLine.BASIC_SKILLS, List.of(), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null,
                EnrolmentScope.WHOLE_COURSE, null, NOW, lessons);
    }

    @Test
    void oneFormForTheWholeCoursePostingToTheCourseEndpoint() {
        Document doc = Html.parse(pages.offer(course(3, LocalDateTime.parse("2026-12-01T14:00")), LOCATIONS, ORG, NOW));
        assertEquals(3, doc.select("li.op-lesson").size(), "every lesson is listed");
        assertTrue(doc.select("li.op-lesson form").isEmpty(), "no form per lesson");
        List<Element> forms = doc.select("form");
        assertEquals(1, forms.size());
        assertEquals("/api/offers/digisterker/enrolments", forms.get(0).attr("action"));
        Element section = doc.selectFirst("section.op-course");
        assertTrue(section.text().contains("alle 3 lessen"), section.text());
        assertTrue(section.text().contains("Nog 5 plaatsen"), section.text());
        assertEquals("Aanmelden voor de cursus die begint op dinsdag 1 december 2026", forms.get(0).selectFirst("button").text());
    }

    @Test
    void aFullOrStartedCourseHasNoForm() {
        Document full = Html.parse(pages.offer(course(8, LocalDateTime.parse("2026-12-01T14:00"))
                .withEnrolmentPolicy(new nl.ontwikkelplein.domain.EnrolmentPolicy(0)), LOCATIONS, ORG, NOW));
        assertTrue(full.select("form").isEmpty());
        assertTrue(full.selectFirst("section.op-course").text().contains("Vol"));
        Document waitlist = Html.parse(pages.offer(course(8, LocalDateTime.parse("2026-12-01T14:00")), LOCATIONS, ORG, NOW));
        assertTrue(waitlist.selectFirst("section.op-course form button").text().startsWith("Op de wachtlijst"), "a full course takes its waitlist");
        Document started = Html.parse(pages.offer(course(3, LocalDateTime.parse("2026-11-17T14:00")), LOCATIONS, ORG, NOW));
        assertTrue(started.select("form").isEmpty());
        assertTrue(started.selectFirst("section.op-course").text().contains("al begonnen"));
    }

    @Test
    void answersNameTheCourse() {
        Offer offer = course(3, LocalDateTime.parse("2026-12-01T14:00"));
        Session first = offer.sessions().get(0);
        String enrolled = Html.parse(pages.enrolmentResult(new EnrolmentService.Result(EnrolmentService.Outcome.ENROLLED, offer, first),
                Fixtures.HARDENBERG)).text();
        assertTrue(enrolled.contains("Dat is de eerste van 3 lessen"), enrolled);
        String perDate = Html.parse(pages.enrolmentResult(new EnrolmentService.Result(EnrolmentService.Outcome.WHOLE_COURSE, offer, first),
                Fixtures.HARDENBERG)).text();
        assertTrue(perDate.contains("is een cursus"), perDate);
        Document form = Html.parse(pages.enrolmentForm(offer, first, Fixtures.HARDENBERG,
                List.of(new nl.ontwikkelplein.domain.FieldError("phone", "Vul een telefoonnummer in.")), "Ans", ""));
        assertEquals("/api/offers/digisterker/enrolments", form.selectFirst("form").attr("action"));
        assertNull(form.selectFirst("form[action*=sessions]"));
    }
}
