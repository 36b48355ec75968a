package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.CallList;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.web.workspace.CallListPage;
import nl.ontwikkelplein.web.workspace.StaffPage;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/** {@code /beheer/bellijst}: who to phone, and the tick "called". */
final class CallListPages {
    private final CallList callList;
    private final WorkspacePages pages;

    CallListPages(CallList callList, WorkspacePages pages) {
        this.callList = callList;
        this.pages = pages;
    }

    APIGatewayV2HTTPResponse page(WebRequest request, Actor actor, StaffPage page) {
        List<CallListPage.Row> toCall = new ArrayList<>(), called = new ArrayList<>();
        for (CallList.Entry e : callList.entries(actor)) {
            Message m = e.message();
            String about = "(" + e.offer().title() + (e.session() == null ? "" : ", " + OfferPages.when(e.session())) + ")";
            CallListPage.Row row = new CallListPage.Row(e.enrolment().name(), e.enrolment().phone(), what(m), about,
                    m.status() == Message.Status.FAILED ? "Het bericht per " + (m.channel() == nl.ontwikkelplein.domain.Enrolment.Channel.SMS ? "sms" : "e-mail")
                            + " kwam niet aan." : m.note(), m.organisationId(), m.key(), m.handledBy());
            (m.status() == Message.Status.CALLED ? called : toCall).add(row);
        }
        String notice = switch (request.query("melding")) {
            case "gebeld" -> "Opgeslagen: gebeld.";
            case "al" -> "Een collega had dit al afgevinkt.";
            default -> null;
        };
        return WebResponse.html(200, pages.callList(new CallListPage(page, notice, toCall, called)));
    }

    APIGatewayV2HTTPResponse called(WebRequest request, Actor actor) {
        String organisationId = request.field("organisatie"), key = request.field("bericht");
        if (organisationId.isEmpty() || key.isEmpty() || key.length() > 64 || organisationId.length() > 100)
            throw new WebRequest.BadRequest(400, "Kies wie u hebt gebeld.");
        boolean done = callList.markCalled(actor, organisationId, key);
        return WebResponse.seeOther("/beheer/bellijst?melding=" + (done ? "gebeld" : "al"), List.of());
    }

    /** What to tell the person, in a few words. */
    static String what(Message m) {
        return switch (m.kind()) {
            case PROMOTED -> "Er is een plaats vrij gekomen: hij of zij kan komen.";
            case CHANGED -> "De tijd of plaats is veranderd.";
            case CALLED_OFF -> "Het gaat niet door.";
            case CONFIRMED -> "Aangemeld.";
            case WAITLISTED -> "Op de wachtlijst.";
            case REQUESTED -> "Aanvraag ontvangen: maak een afspraak voor het kennismakingsgesprek.";
            case CANCELLED -> "Afgemeld.";
            case REMINDER -> "Herinnering: morgen.";
        };
    }
}
