package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.ForbiddenException;
import nl.ontwikkelplein.domain.InvalidInputException;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Referrals;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.workspace.Choice;
import nl.ontwikkelplein.web.workspace.Field;
import nl.ontwikkelplein.web.workspace.Form;
import nl.ontwikkelplein.web.workspace.ReferralFormPage;
import nl.ontwikkelplein.web.workspace.ReferralsPage;
import nl.ontwikkelplein.web.workspace.StaffPage;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/**
 * {@code /beheer/verwijzen}: a professional of a partner enrols a client (with consent, and what
 * was explained) and follows their own referrals. {@code /beheer/verwijzen/{offerId}/{sessionId}}
 * is the form for one date ({@code cursus} for a whole course).
 */
final class ReferralPages {
    static final String BASE = "/beheer/verwijzen";

    private final Referrals referrals;
    private final Catalog catalog;
    private final WorkspacePages pages;

    ReferralPages(Referrals referrals, Catalog catalog, WorkspacePages pages) {
        this.referrals = referrals;
        this.catalog = catalog;
        this.pages = pages;
    }

    APIGatewayV2HTTPResponse page(WebRequest request, Actor actor, StaffPage page) {
        if (actor.organisationIds().isEmpty() && !actor.isAdmin()) throw new ForbiddenException(Permission.REFER);
        String search = request.query("zoek");
        if (search.length() > 100) search = search.substring(0, 100);
        List<ReferralsPage.Mine> mine = new ArrayList<>();
        for (Referrals.Referred r : referrals.mine(actor)) {
            Enrolment e = r.participant().enrolment();
            String status = switch (e.status()) {
                case CONFIRMED -> r.attended() ? "Aangemeld, is geweest" : "Aangemeld";
                case WAITLISTED -> "Op de wachtlijst (plek " + r.position() + ")";
                case REQUESTED -> "Aangevraagd: wacht op het kennismakingsgesprek";
                case CANCELLED -> "Afgemeld";
            };
            mine.add(new ReferralsPage.Mine(e.name(), r.offer().title(), r.session() == null ? "" : OfferPages.when(r.session()), status));
        }
        List<ReferralsPage.Choice> choices = new ArrayList<>();
        for (AgendaEntry e : referrals.choices(actor, search, 50)) {
            Location l = e.session().locationId() == null ? null : catalog.location(e.session().locationId()).orElse(null);
            choices.add(new ReferralsPage.Choice(e.offerTitle(), OfferPages.when(e.session()), l == null ? "" : l.name(),
                    BASE + "/" + e.offerId() + "/" + e.session().id()));
        }
        String notice = switch (request.query("melding")) {
            case "aangemeld" -> "Uw cliënt is aangemeld.";
            case "wachtlijst" -> "Het is vol. Uw cliënt staat op de wachtlijst en krijgt vanzelf een plaats als die vrijkomt.";
            case "al" -> "Uw cliënt was al aangemeld.";
            default -> null;
        };
        return WebResponse.html(200, pages.referrals(new ReferralsPage(page, notice, mine, search, choices)));
    }

    APIGatewayV2HTTPResponse form(Actor actor, StaffPage page, String offerId, String sessionId) {
        Offer offer = offer(actor, offerId);
        return render(page, offer, session(offer, sessionId), Form.EMPTY, 200);
    }

    APIGatewayV2HTTPResponse refer(WebRequest request, Actor actor, StaffPage page, String offerId, String sessionId) {
        Offer offer = offer(actor, offerId);
        Session session = session(offer, sessionId);
        Map<String, String> typed = Map.of("naam", request.field("naam"), "telefoon", request.field("telefoon"), "email", request.field("email"),
                "sms", request.field("sms"), "toestemming", request.field("toestemming"), "uitleg", request.field("uitleg"));
        try {
            EnrolmentService.Result result = referrals.refer(actor, offer, session.id(),
                    new EnrolmentService.Contact(typed.get("naam"), typed.get("telefoon"), typed.get("email"), "ja".equals(typed.get("sms"))),
                    "ja".equals(typed.get("toestemming")), typed.get("uitleg"));
            String melding = switch (result.outcome()) {
                case ENROLLED -> "aangemeld";
                case WAITLISTED -> "wachtlijst";
                case ALREADY_ENROLLED -> "al";
                default -> null;
            };
            if (melding == null) {
                String why = switch (result.outcome()) {
                    case FULL -> "Het is vol, ook de wachtlijst. Kies een andere datum.";
                    case CANCELLED -> "Dit gaat niet door. Kies iets anders.";
                    case PAST -> "Dit is al begonnen. Kies een andere datum.";
                    default -> "Aanmelden lukte niet. Probeer het opnieuw.";
                };
                return render(page, offer, session, new Form(typed, List.of(new Form.Error("naam", why))), 409);
            }
            return WebResponse.seeOther(BASE + "?melding=" + melding, List.of());
        } catch (InvalidInputException e) {
            List<Form.Error> errors = new ArrayList<>();
            for (FieldError fe : e.errors()) errors.add(new Form.Error(switch (fe.field()) {
                case "phone" -> "telefoon";
                case "email" -> "email";
                case "consent" -> "toestemming";
                case "explained" -> "uitleg";
                default -> "naam";
            }, fe.message()));
            return render(page, offer, session, new Form(typed, errors), 400);
        }
    }

    /** A published offer this professional may refer to; anything else is not there for them. */
    private Offer offer(Actor actor, String offerId) {
        Offer offer = nl.ontwikkelplein.domain.Ids.isValid(offerId) ? catalog.offer(offerId).filter(o -> o.status().isPublic()).orElse(null) : null;
        if (offer == null) throw new WebRequest.BadRequest(404, "Deze activiteit bestaat niet (meer).");
        nl.ontwikkelplein.domain.Permissions.require(actor, Permission.REFER, offer.organisationId());
        return offer;
    }

    private static Session session(Offer offer, String sessionId) {
        if (offer.isCourse()) return offer.courseSessions().stream().findFirst()
                .orElseThrow(() -> new WebRequest.BadRequest(404, "Deze cursus heeft geen lessen meer."));
        return offer.session(sessionId).orElseThrow(() -> new WebRequest.BadRequest(404, "Deze datum bestaat niet (meer)."));
    }

    private APIGatewayV2HTTPResponse render(StaffPage page, Offer offer, Session session, Form form, int status) {
        List<Field> fields = List.of(
                Field.text("naam", "Naam van uw cliënt", null, form, 100, true),
                Field.of("tel", "telefoon", "Telefoonnummer van uw cliënt", "Bijvoorbeeld 06 12345678.", form, 40),
                Field.of("email", "email", "E-mailadres van uw cliënt (mag leeg blijven)", null, form, 254),
                Field.choices("checkboxes", "sms", "Berichten", null, form, List.of(new Choice("ja", "Mijn cliënt wil een sms als er iets verandert",
                        "ja".equals(form.value("sms"))))),
                Field.choices("checkboxes", "toestemming", "Toestemming", null, form, List.of(new Choice("ja",
                        "Mijn cliënt vindt het goed dat ik hem of haar aanmeld", "ja".equals(form.value("toestemming"))))),
                Field.of("textarea", "uitleg", "Wat hebt u uitgelegd?", "Bijvoorbeeld: wat het is, wanneer en waar, en dat de bibliotheek kan bellen.",
                        form, nl.ontwikkelplein.domain.Referrals.MAX_NOTE));
        String action = BASE + "/" + offer.id() + "/" + (offer.isCourse() ? "cursus" : session.id());
        return WebResponse.html(status, pages.referralForm(new ReferralFormPage(page, offer.title(),
                (offer.isCourse() ? "de cursus die begint op " : "") + OfferPages.when(session), action, form, fields, BASE)));
    }
}
