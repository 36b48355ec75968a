package nl.ontwikkelplein.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.OwnEnrolments;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.Ics;
import nl.ontwikkelplein.web.OwnEnrolmentPages;

/**
 * The private link of an enrolment, {@code /aanmelding/{token}}: the page (or its JSON), the
 * calendar file, the data export, and the cancel and delete forms behind a confirmation page.
 * The token is the only key: it is never logged, and only its hash is stored.
 */
final class OwnEnrolmentRoutes {
    static final int MAX_FORM_BYTES = 1024;

    private final OwnEnrolments own;
    private final OwnEnrolmentPages pages = new OwnEnrolmentPages(null);
    private final ObjectMapper json;
    private final Clock clock;

    OwnEnrolmentRoutes(OwnEnrolments own, ObjectMapper json, Clock clock) {
        this.own = own;
        this.json = json;
        this.clock = clock;
    }

    /** JSON for clients that ask for it and not for HTML; pages for everyone else. */
    private static boolean wantsJson(HttpRequest request) {
        String accept = request.header("accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    APIGatewayV2HTTPResponse get(HttpRequest request, String action) {
        String token = request.pathParameter("token");
        OwnEnrolments.View view = own.view(token).orElse(null);
        if (view == null) return notFound(request);
        Instant now = clock.instant();
        return switch (action == null ? "" : action) {
            case "" -> wantsJson(request) ? Responses.json(json, 200, status(view, now)) : Responses.html(200, pages.page(view, token, now));
            case "afmelden" -> Responses.html(200, pages.confirmCancel(view, token));
            case "verwijderen" -> Responses.html(200, pages.confirmErase(view, token));
            case "agenda.ics" -> {
                APIGatewayV2HTTPResponse r = Responses.text(200, "text/calendar; charset=utf-8",
                        Ics.calendar(view.offer(), view.lessons(), view.location(), now), "no-store");
                r.getHeaders().put("content-disposition", "attachment; filename=\"aanmelding.ics\"");
                yield r;
            }
            case "gegevens.json" -> {
                APIGatewayV2HTTPResponse r = Responses.json(json, 200, export(view));
                r.getHeaders().put("content-disposition", "attachment; filename=\"mijn-gegevens.json\"");
                yield r;
            }
            default -> notFound(request);
        };
    }

    APIGatewayV2HTTPResponse post(HttpRequest request, String action) {
        request.body(MAX_FORM_BYTES); // nothing is read from it, but a huge body is refused all the same
        String token = request.pathParameter("token");
        switch (action == null ? "" : action) {
            case "afmelden" -> {
                OwnEnrolments.CancelOutcome outcome = own.cancel(token);
                if (outcome == OwnEnrolments.CancelOutcome.NOT_FOUND) return notFound(request);
                if (wantsJson(request)) {
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("outcome", outcome.name()));
                    own.view(token).ifPresent(v -> body.putAll(status(v, clock.instant())));
                    return Responses.json(json, outcome == OwnEnrolments.CancelOutcome.STARTED ? 409 : 200, body);
                }
                return Responses.html(outcome == OwnEnrolments.CancelOutcome.STARTED ? 409 : 200, pages.cancelled(outcome, token));
            }
            case "verwijderen" -> {
                if (!own.erase(token)) return notFound(request);
                return wantsJson(request) ? Responses.json(json, 200, Map.of("outcome", "ERASED")) : Responses.html(200, pages.erased());
            }
            default -> {
                return notFound(request);
            }
        }
    }

    private APIGatewayV2HTTPResponse notFound(HttpRequest request) {
        if (wantsJson(request)) return Responses.error(json, 404, "not_found", "No enrolment has this link.", null);
        return Responses.html(404, pages.notFound());
    }

    /** The JSON contract: status, position (null unless waiting), and what it is for. */
    static Map<String, Object> status(OwnEnrolments.View view, Instant now) {
        Enrolment e = view.enrolment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", switch (e.status()) {
            case CONFIRMED -> "ENROLLED";
            case WAITLISTED -> "WAITLISTED";
            case REQUESTED -> "REQUESTED";
            case CANCELLED -> "CANCELLED";
        });
        body.put("position", e.status() == Enrolment.EnrolmentStatus.WAITLISTED ? view.managed().position() : null);
        body.put("offerId", e.offerId());
        body.put("sessionId", e.sessionId());
        body.put("title", view.offer().title());
        Session s = view.session();
        body.put("start", s == null ? null : s.start().toString());
        body.put("end", s == null ? null : s.end().toString());
        body.put("sessionCancelled", s != null && s.isCancelled());
        body.put("cancellable", view.cancellable(now));
        return body;
    }

    /** Everything kept about the person, for them to take along. */
    private static Map<String, Object> export(OwnEnrolments.View view) {
        Enrolment e = view.enrolment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", e.name());
        body.put("phone", e.phone());
        body.put("status", e.status().name());
        body.put("offer", view.offer().title());
        body.put("dates", view.lessons().stream().map(s -> Map.of("start", s.start().toString(), "end", s.end().toString())).toList());
        body.put("enrolledAt", e.createdAt().toString());
        body.put("deletedAfter", e.expiresAt().toString());
        return body;
    }
}
