package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.InvalidInputException;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.ParticipantService;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.workspace.Field;
import nl.ontwikkelplein.web.workspace.Form;
import nl.ontwikkelplein.web.workspace.ParticipantsPage;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/** The participants of one date (or of the course it belongs to): list, print, CSV, attendance, enrol, remove. */
final class ParticipantPages {
    private static final DateTimeFormatter ENROLLED = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final OfferPages offers;
    private final ParticipantService participants;
    private final WorkspacePages pages;
    private final Clock clock;

    ParticipantPages(OfferPages offers, ParticipantService participants, WorkspacePages pages, Clock clock) {
        this.offers = offers;
        this.participants = participants;
        this.pages = pages;
        this.clock = clock;
    }

    static String href(String offerId, String sessionId) {
        return OfferPages.offerHref(offerId) + "/data/" + sessionId + "/deelnemers";
    }

    APIGatewayV2HTTPResponse page(WebRequest request, Actor actor, OfferPages.Pageframe frame, String offerId, String sessionId) {
        Offer offer = offers.editable(actor, offerId, Permission.VIEW_PARTICIPANTS);
        Session session = session(offer, sessionId);
        String notice = switch (request.query("melding")) {
            case "aangemeld" -> "De aanmelding is opgeslagen.";
            case "vol" -> "Er is geen plaats meer, ook niet op de wachtlijst. Niemand is aangemeld.";
            case "wachtlijst" -> "Het is vol. De persoon staat nu op de wachtlijst. Komt er een plaats vrij, dan krijgt de eerste op de wachtlijst die vanzelf.";
            case "al" -> "Deze persoon was al aangemeld.";
            case "aanvraag" -> "De aanvraag is opgeslagen. Maak een afspraak voor het kennismakingsgesprek.";
            case "aangenomen" -> "De aanvraag is aangenomen: de persoon is aangemeld en krijgt bericht.";
            case "geen-plaats" -> "Er is geen plaats meer vrij. Wijs de aanvraag af, of geef de datum meer plaatsen.";
            case "afgewezen" -> "De aanvraag is afgewezen. De persoon krijgt bericht.";
            case "afgemeld" -> "De persoon is afgemeld. Staat er iemand op de wachtlijst, dan krijgt de eerste de plaats.";
            case "aanwezigheid" -> "De aanwezigheid is opgeslagen.";
            default -> null;
        };
        return render(frame, actor, offer, session, Form.EMPTY, notice, "ja".equals(request.query("afdrukken")), 200);
    }

    APIGatewayV2HTTPResponse csv(Actor actor, String offerId, String sessionId) {
        Offer offer = offers.editable(actor, offerId, Permission.VIEW_PARTICIPANTS);
        Session session = session(offer, sessionId);
        byte[] csv = ParticipantService.csv(participants.list(actor, offer, sessionId), sessionId);
        Map<String, String> headers = WebResponse.headers();
        headers.put("Content-Type", "text/csv; charset=utf-8");
        headers.put("Content-Disposition", "attachment; filename=\"deelnemers-" + offer.id() + "-" + session.start().toLocalDate() + ".csv\"");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                .withBody(new String(csv, StandardCharsets.UTF_8)).build();
    }

    APIGatewayV2HTTPResponse enrol(WebRequest request, Actor actor, OfferPages.Pageframe frame, String offerId, String sessionId) {
        Offer offer = offers.editable(actor, offerId, Permission.MANAGE_PARTICIPANTS);
        Session session = session(offer, sessionId);
        String name = request.field("naam"), phone = request.field("telefoon");
        try {
            EnrolmentService.Result result = participants.enrol(actor, offer, sessionId, name, phone);
            String melding = switch (result.outcome()) {
                case ENROLLED -> "aangemeld";
                case WAITLISTED -> "wachtlijst";
                case REQUESTED -> "aanvraag";
                case ALREADY_ENROLLED -> "al";
                case FULL -> "vol";
                default -> null;
            };
            if (melding == null) {
                Form form = new Form(Map.of("naam", name, "telefoon", phone), List.of(new Form.Error("naam", refusal(result.outcome()))));
                return render(frame, actor, offer, session, form, null, false, 409);
            }
            return WebResponse.seeOther(href(offerId, sessionId) + "?melding=" + melding, List.of());
        } catch (InvalidInputException e) {
            List<Form.Error> errors = new ArrayList<>();
            for (FieldError fe : e.errors()) errors.add(new Form.Error(fe.field().equals("phone") ? "telefoon" : "naam", fe.message()));
            return render(frame, actor, offer, session, new Form(Map.of("naam", name, "telefoon", phone), errors), null, false, 400);
        }
    }

    private static String refusal(EnrolmentService.Outcome outcome) {
        return switch (outcome) {
            case CANCELLED -> "Deze datum gaat niet door. Aanmelden kan niet.";
            case PAST -> "Deze datum is al begonnen. Aanmelden kan niet meer.";
            case NO_ENROLMENT_NEEDED -> "Voor deze datum is aanmelden niet nodig.";
            case NOT_FOUND -> "Dit aanbod is (nog) niet gepubliceerd. Publiceer het eerst.";
            default -> "Aanmelden lukte niet. Probeer het opnieuw.";
        };
    }

    APIGatewayV2HTTPResponse remove(WebRequest request, Actor actor, String offerId, String sessionId) {
        Offer offer = offers.editable(actor, offerId, Permission.MANAGE_PARTICIPANTS);
        session(offer, sessionId);
        String key = request.field("persoon");
        if (key.isEmpty() || key.length() > 128) throw new WebRequest.BadRequest(400, "Kies wie u wilt afmelden.");
        participants.remove(actor, offer, sessionId, key);
        // Removed now or by a colleague just before: either way the person is no longer on the list.
        return WebResponse.seeOther(href(offerId, sessionId) + "?melding=afgemeld", List.of());
    }

    /** Accept ({@code aannemen}) or decline ({@code afwijzen}) a request after its intake call. */
    APIGatewayV2HTTPResponse decide(WebRequest request, Actor actor, String offerId, String sessionId, boolean accept) {
        Offer offer = offers.editable(actor, offerId, Permission.MANAGE_PARTICIPANTS);
        session(offer, sessionId);
        String key = request.field("persoon");
        if (key.isEmpty() || key.length() > 128) throw new WebRequest.BadRequest(400, "Kies over wie u beslist.");
        String melding;
        if (accept) {
            melding = switch (participants.accept(actor, offer, sessionId, key)) {
                case PROMOTED -> "aangenomen";
                case NO_SEAT -> "geen-plaats";
                case NOT_WAITING -> "al";
            };
        } else {
            participants.remove(actor, offer, sessionId, key);
            melding = "afgewezen";
        }
        return WebResponse.seeOther(href(offerId, sessionId) + "?melding=" + melding, List.of());
    }

    APIGatewayV2HTTPResponse attendance(WebRequest request, Actor actor, String offerId, String sessionId) {
        Offer offer = offers.editable(actor, offerId, Permission.MANAGE_PARTICIPANTS);
        Session session = session(offer, sessionId);
        if (!session.hasStarted(clock.instant())) throw new WebRequest.BadRequest(400, "Aanwezigheid kunt u bijhouden vanaf het begin van de datum.");
        Map<String, Attendance> marks = new LinkedHashMap<>();
        for (String key : request.fields("persoon")) {
            String value = request.field("a-" + key);
            if (value.equals("PRESENT")) marks.put(key, Attendance.PRESENT);
            else if (value.equals("ABSENT")) marks.put(key, Attendance.ABSENT);
        }
        participants.attendance(actor, offer, sessionId, marks);
        return WebResponse.seeOther(href(offerId, sessionId) + "?melding=aanwezigheid", List.of());
    }

    private APIGatewayV2HTTPResponse render(OfferPages.Pageframe frame, Actor actor, Offer offer, Session session, Form form, String notice,
                                            boolean printing, int status) {
        List<ParticipantsPage.Row> rows = new ArrayList<>(), cancelled = new ArrayList<>(), requests = new ArrayList<>();
        List<Participant> waiting = new ArrayList<>();
        for (Participant p : participants.list(actor, offer, session.id())) {
            switch (p.enrolment().status()) {
                case CONFIRMED -> rows.add(row(p, session));
                case WAITLISTED -> waiting.add(p);
                case REQUESTED -> requests.add(row(p, session));
                case CANCELLED -> cancelled.add(row(p, session));
            }
        }
        waiting.sort(java.util.Comparator.comparingLong(p -> p.enrolment().ticket()));
        List<ParticipantsPage.Row> queue = new ArrayList<>();
        for (Participant p : waiting) queue.add(row(p, session));
        String seats = session.needsEnrolment() ? session.taken() + " van " + session.seats() + " plaatsen bezet." : "Vrije inloop.";
        if (offer.isCourse()) seats += " Aanmelden is voor de hele cursus.";
        List<Field> fields = List.of(
                Field.text("naam", "Naam", null, form, 100, true),
                Field.of("tel", "telefoon", "Telefoonnummer", "Bijvoorbeeld 06 12345678.", form, 40));
        String base = href(offer.id(), session.id());
        if (!queue.isEmpty()) seats += " " + queue.size() + (queue.size() == 1 ? " persoon wacht." : " mensen wachten.");
        return WebResponse.html(status, pages.participants(new ParticipantsPage(frame.page("Deelnemers"), offer.title(), OfferPages.when(session), seats,
                rows, queue, cancelled, requests, session.hasStarted(clock.instant()), printing, notice, form, fields, base, base + ".csv", base + "?afdrukken=ja",
                OfferPages.offerHref(offer.id()))));
    }

    private static ParticipantsPage.Row row(Participant p, Session session) {
        Attendance a = p.attendanceAt(session.id());
        return new ParticipantsPage.Row(p.enrolment().name(), p.enrolment().phone(),
                ENROLLED.format(LocalDateTime.ofInstant(p.enrolment().createdAt(), Session.ZONE)), p.enrolment().personKey(), a == null ? null : a.name(),
                p.enrolment().referral() == null ? null : p.enrolment().referral().referrerName());
    }

    private static Session session(Offer offer, String sessionId) {
        return offer.session(sessionId).orElseThrow(() -> new WebRequest.BadRequest(404, "Deze datum bestaat niet (meer)."));
    }
}
