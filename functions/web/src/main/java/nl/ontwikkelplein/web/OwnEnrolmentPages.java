package nl.ontwikkelplein.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OwnEnrolments;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.model.ConfirmPage;
import nl.ontwikkelplein.web.model.Link;
import nl.ontwikkelplein.web.model.OwnEnrolmentPage;
import nl.ontwikkelplein.web.model.PageMeta;
import nl.ontwikkelplein.web.model.ResultPage;

/**
 * The pages behind a person's private link: their enrolment with its status, the confirmation
 * before cancelling or deleting, and what happened after. Plain Dutch, one task per page.
 */
public final class OwnEnrolmentPages {
    private final String assetVersion;

    public OwnEnrolmentPages(String assetVersion) { this.assetVersion = assetVersion; }

    private PageMeta meta(String title) {
        return new PageMeta(title, null, null, true, assetVersion);
    }

    public String page(OwnEnrolments.View view, String token, Instant now) {
        Offer offer = view.offer();
        Session session = view.session();
        Enrolment e = view.enrolment();
        String base = Pages.manageUrl(token);
        List<String> status = new ArrayList<>();
        String statusHeading;
        ResultPage.Tone tone;
        switch (e.status()) {
            case CONFIRMED -> {
                statusHeading = "U bent aangemeld";
                tone = ResultPage.Tone.SUCCESS;
                status.add(offer.isCourse() ? "U hebt een plaats in de cursus. U bent welkom bij alle lessen." : "U hebt een plaats. U bent welkom.");
            }
            case REQUESTED -> {
                statusHeading = "Uw aanvraag is ontvangen";
                tone = ResultPage.Tone.INFO;
                status.add("Eerst heeft u een kennismakingsgesprek. De bibliotheek belt u om een afspraak te maken. Daarna hoort u of u mee kunt doen.");
            }
            case WAITLISTED -> {
                statusHeading = "U staat op de wachtlijst";
                tone = ResultPage.Tone.INFO;
                status.add("U staat op plek " + view.managed().position() + " van de wachtlijst.");
                status.add("Komt er een plaats vrij? Dan krijgt u die plaats vanzelf. Kijk hier later nog eens.");
            }
            default -> {
                statusHeading = "U bent afgemeld";
                tone = ResultPage.Tone.WARNING;
                status.add("U hebt geen plaats meer. Wilt u toch komen? Meld u dan opnieuw aan.");
            }
        }
        if (session != null && (session.isCancelled() || offer.status() == nl.ontwikkelplein.domain.OfferStatus.CANCELLED)) {
            tone = ResultPage.Tone.WARNING;
            status.add(0, (offer.isCourse() ? "Let op: deze cursus gaat niet door." : "Let op: deze bijeenkomst gaat niet door.")
                    + (session.note() == null ? "" : " " + session.note()));
        }
        List<OwnEnrolmentPage.Detail> details = new ArrayList<>();
        details.add(new OwnEnrolmentPage.Detail("Wat", offer.title()));
        if (session != null) {
            details.add(new OwnEnrolmentPage.Detail(offer.isCourse() ? "Eerste les" : "Wanneer", when(session)));
            String where = Pages.placeName(offer, view.location(), null);
            if (where != null && !where.isBlank()) details.add(new OwnEnrolmentPage.Detail("Waar", where));
            String address = Pages.address(view.location());
            if (!address.isEmpty()) details.add(new OwnEnrolmentPage.Detail("Adres", address));
        }
        List<String> lessons = new ArrayList<>();
        if (offer.isCourse()) for (Session s : view.lessons()) lessons.add(when(s) + (s.isCancelled() ? " (gaat niet door)" : ""));

        boolean active = e.status().isActive();
        boolean cancellable = view.cancellable(now);
        String cancelHelp = active && !cancellable ? "Afmelden kan hier niet meer, want het is al begonnen. Bel de bibliotheek als u niet meer komt." : null;
        List<OwnEnrolmentPage.Detail> data = new ArrayList<>();
        data.add(new OwnEnrolmentPage.Detail("Naam", e.name()));
        data.add(new OwnEnrolmentPage.Detail("Telefoon", e.phone()));
        data.add(new OwnEnrolmentPage.Detail("Aangemeld op", DutchFormat.date(LocalDateTime.ofInstant(e.createdAt(), Session.ZONE).toLocalDate())));
        data.add(new OwnEnrolmentPage.Detail("Wij verwijderen dit op", DutchFormat.date(LocalDateTime.ofInstant(e.expiresAt(), Session.ZONE).toLocalDate())));
        ResultPage box = new ResultPage(meta(statusHeading), statusHeading, tone, List.copyOf(status), List.of());
        return Pages.render("ownEnrolment.jte", new OwnEnrolmentPage(meta("Uw aanmelding voor " + offer.title()), "Uw aanmelding voor " + offer.title(),
                box, List.copyOf(details), List.copyOf(lessons), active ? base + "/agenda.ics" : null, cancellable ? base + "/afmelden" : null, cancelHelp,
                List.copyOf(data), base + "/gegevens.json", base + "/verwijderen", new Link(Pages.offerPath(offer.id()), "Meer over " + offer.title())));
    }

    public String confirmCancel(OwnEnrolments.View view, String token) {
        String title = view.offer().title();
        List<String> messages = new ArrayList<>();
        messages.add(view.status() == Enrolment.EnrolmentStatus.WAITLISTED
                ? "U gaat van de wachtlijst voor " + title + "."
                : "U geeft uw plaats bij " + title + (view.session() == null || view.offer().isCourse() ? "" : " op " + when(view.session())) + " op.");
        messages.add("Iemand anders kan dan uw plaats krijgen.");
        return Pages.render("confirm.jte", new ConfirmPage(meta("Afmelden voor " + title), "Wilt u zich afmelden?", List.copyOf(messages),
                Pages.manageUrl(token) + "/afmelden", "Ja, meld mij af", new Link(Pages.manageUrl(token), "Nee, ga terug")));
    }

    public String confirmErase(OwnEnrolments.View view, String token) {
        List<String> messages = new ArrayList<>();
        messages.add("Wij verwijderen uw naam en telefoonnummer. " + (view.status().isActive()
                ? "U bent dan ook afgemeld voor " + view.offer().title() + "." : ""));
        messages.add("Deze link werkt daarna niet meer.");
        return Pages.render("confirm.jte", new ConfirmPage(meta("Gegevens verwijderen"), "Wilt u uw gegevens verwijderen?", List.copyOf(messages),
                Pages.manageUrl(token) + "/verwijderen", "Ja, verwijder mijn gegevens", new Link(Pages.manageUrl(token), "Nee, ga terug")));
    }

    /** After a cancel: done, or why not. */
    public String cancelled(OwnEnrolments.CancelOutcome outcome, String token) {
        return switch (outcome) {
            case CANCELLED, ALREADY_CANCELLED -> result("U bent afgemeld", ResultPage.Tone.SUCCESS,
                    List.of("U bent afgemeld. Bedankt dat u het laat weten. Nu kan iemand anders uw plaats krijgen."),
                    List.of(new Link(Pages.manageUrl(token), "Terug naar uw aanmelding"), new Link("/", "Bekijk wat er nog meer is in de bibliotheek")));
            case STARTED -> result("Afmelden kan niet meer", ResultPage.Tone.WARNING,
                    List.of("Het is al begonnen. Daarom kunt u zich hier niet meer afmelden. Bel de bibliotheek als u niet meer komt."),
                    List.of(new Link(Pages.manageUrl(token), "Terug naar uw aanmelding")));
            case NOT_FOUND -> notFound();
        };
    }

    public String erased() {
        return result("Uw gegevens zijn verwijderd", ResultPage.Tone.SUCCESS,
                List.of("Wij hebben uw naam en telefoonnummer verwijderd. Deze link werkt niet meer."),
                List.of(new Link("/", "Bekijk wat er nog meer is in de bibliotheek")));
    }

    /** A link that opens nothing: mistyped, or the data was deleted (after the retention period, or by the person). */
    public String notFound() {
        return result("Deze link werkt niet", ResultPage.Tone.WARNING,
                List.of("Misschien is de link niet helemaal goed overgenomen. Of de aanmelding is al verwijderd.",
                        "Kijk of u de hele link hebt. Of bel de bibliotheek."),
                List.of(new Link("/", "Bekijk wat er is in de bibliotheek")));
    }

    private String result(String heading, ResultPage.Tone tone, List<String> messages, List<Link> links) {
        return Pages.render("enrolmentResult.jte", new ResultPage(meta(heading), heading, tone, messages, links));
    }

    static String when(Session s) {
        return DutchFormat.capitalise(DutchFormat.date(s.start().toLocalDate())) + ", " + DutchFormat.timeRange(s.start(), s.end());
    }
}
