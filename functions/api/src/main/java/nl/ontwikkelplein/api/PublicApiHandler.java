package nl.ontwikkelplein.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.InvalidInputException;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OwnEnrolments;
import nl.ontwikkelplein.domain.Waitlists;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;
import nl.ontwikkelplein.web.Pages;

/** Public API: health, the OpenAPI description, and enrolment from the plain HTML form or JSON. */
public final class PublicApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final int MAX_ENROLMENT_BYTES = 4 * 1024;
    private static final String OPENAPI = resource("/openapi.yaml");
    /** As the pages: a page published a minute later is found a minute later. */
    private static final String NOT_FOUND_CACHE = "public, max-age=60";

    private final ObjectMapper json = JsonBodies.mapper();
    private final Catalog catalog;
    private final EnrolmentService enrolments;
    private final Pages pages = new Pages();
    private final OwnEnrolmentRoutes own;

    /** Lambda's constructor: DynamoDB and settings from the function's environment. */
    public PublicApiHandler() {
        this(DynamoStores.fromEnvironment(System.getenv()), System.getenv());
    }

    /**
     * The composition root, with any storage adapters (the local runtime passes SQLite ones) and
     * the settings of template.yaml ({@code ENROLMENT_RETENTION_DAYS}).
     */
    public PublicApiHandler(Stores stores, Map<String, String> env) {
        this.catalog = stores.catalog();
        Clock clock = Clock.systemUTC();
        this.enrolments = new EnrolmentService(catalog, stores.seats(), stores.participants(), clock, EnrolmentService.retention(env));
        Waitlists waitlists = new Waitlists(catalog, stores.participants(), clock);
        this.own = new OwnEnrolmentRoutes(new OwnEnrolments(catalog, stores.participants(), waitlists, clock), json, clock);
        this.rateLimits = stores.rateLimits();
        this.enrolmentLimit = Integer.parseInt(env.getOrDefault("ENROLMENT_RATE_LIMIT", "30").strip());
    }

    /** Enrolment attempts per client per {@link #ENROLMENT_WINDOW}; 0 switches the limit off (load tests). */
    private final int enrolmentLimit;
    private final nl.ontwikkelplein.domain.RateLimits rateLimits;
    static final Duration ENROLMENT_WINDOW = Duration.ofMinutes(10);

    /** @param website the honeypot: invisible to people, filled in by robots (form and JSON alike) */
    record EnrolRequest(String name, String phone, String email, Boolean textMessages, String website) {}

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        try {
            return switch (request.routeKey()) {
                case "GET /api/health" -> Responses.json(json, 200, Map.of("status", "ok"));
                case "GET /api/openapi.yaml" -> Responses.text(200, "application/yaml; charset=utf-8", OPENAPI, "public, max-age=300");
                case "POST /api/offers/{offerId}/sessions/{sessionId}/enrolments" -> enrol(request, request.pathParameter("sessionId"));
                case "POST /api/offers/{offerId}/enrolments" -> enrol(request, null);
                case "GET /api/offers/{offerId}/sessions/{sessionId}/agenda.ics" -> dateCalendar(request);
                case "GET /api/offers/{offerId}/agenda.ics" -> offerCalendar(request);
                case "GET /aanmelding/{token}" -> own.get(request, null);
                case "GET /aanmelding/{token}/{action}" -> own.get(request, request.pathParameter("action"));
                case "POST /aanmelding/{token}/{action}" -> own.post(request, request.pathParameter("action"));
                // CloudFront asks here when the bucket has no page for a path (template.yaml, origin group).
                case "GET /api/not-found/{path+}" -> Responses.html(404, pages.notFound(), NOT_FOUND_CACHE);
                default -> throw new HttpError(404, "not_found", "No such route: " + request.routeKey());
            };
        } catch (HttpError e) {
            if (request.wantsHtml()) return Responses.html(e.status, pages.problem(dutch(e)));
            return Responses.error(json, e.status, e.code, e.getMessage(), null);
        }
    }

    /**
     * One date of a public offer as a calendar file; a draft, an unknown offer or date, or a
     * malformed id is "not found" alike. CloudFront and browsers may keep it five minutes.
     */
    private APIGatewayV2HTTPResponse dateCalendar(HttpRequest request) {
        String offerId = request.pathParameter("offerId");
        String sessionId = request.pathParameter("sessionId");
        if (!nl.ontwikkelplein.domain.Ids.isValid(offerId) || !nl.ontwikkelplein.domain.Ids.isValid(sessionId))
            throw new HttpError(404, "not_found", "No such date");
        Offer offer = catalog.offer(offerId).filter(o -> o.status().isPublic()).orElseThrow(() -> new HttpError(404, "not_found", "No such date"));
        Session session = offer.session(sessionId).orElseThrow(() -> new HttpError(404, "not_found", "No such date"));
        Location location = session.locationId() == null ? null : catalog.location(session.locationId()).orElse(null);
        APIGatewayV2HTTPResponse r = Responses.text(200, "text/calendar; charset=utf-8",
                nl.ontwikkelplein.web.Ics.feed(null, List.of(new nl.ontwikkelplein.web.Ics.Item(offer, session, location))), "public, max-age=300");
        r.getHeaders().put("content-disposition", "attachment; filename=\"" + offerId + "-" + sessionId + ".ics\"");
        return r;
    }

    /**
     * All dates to come of a public offer as one calendar file (linked from its page). Served
     * here rather than as a static file, so a regional catalog does not put a second object per
     * offer in the bucket for every full build to write.
     */
    private APIGatewayV2HTTPResponse offerCalendar(HttpRequest request) {
        String offerId = request.pathParameter("offerId");
        if (!nl.ontwikkelplein.domain.Ids.isValid(offerId)) throw new HttpError(404, "not_found", "No such offer");
        Offer offer = catalog.offer(offerId).filter(o -> o.status().isPublic()).orElseThrow(() -> new HttpError(404, "not_found", "No such offer"));
        Map<String, Location> places = new java.util.HashMap<>();
        for (Session s : offer.sessions()) {
            if (s.locationId() != null && !places.containsKey(s.locationId())) catalog.location(s.locationId()).ifPresent(l -> places.put(l.id(), l));
        }
        APIGatewayV2HTTPResponse r = Responses.text(200, "text/calendar; charset=utf-8",
                nl.ontwikkelplein.web.Ics.offerFeed(offer, places, java.time.Instant.now()), "public, max-age=300");
        r.getHeaders().put("content-disposition", "attachment; filename=\"" + offerId + ".ics\"");
        return r;
    }

    /** @param sessionId the chosen date, or null for the whole course */
    private APIGatewayV2HTTPResponse enrol(HttpRequest request, String sessionId) {
        String offerId = request.pathParameter("offerId");
        // Counted before anything is read, so a flood costs one counter write per request.
        if (enrolmentLimit > 0 && !rateLimits.tryAcquire("enrol-client:" + nl.ontwikkelplein.domain.Ids.sha256Hex(request.clientAddress()),
                enrolmentLimit, ENROLMENT_WINDOW, java.time.Instant.now()))
            throw new HttpError(429, "too_many", "Too many enrolment attempts from this address; try again in 10 minutes.");
        String name;
        String phone;
        String email = null;
        boolean texts = false;
        if (request.isForm()) {
            Map<String, String> form = HttpRequest.parseForm(request.body(MAX_ENROLMENT_BYTES));
            // The honeypot field is invisible to people; only robots fill it in.
            if (!form.getOrDefault("website", "").isEmpty())
                throw new HttpError(400, "rejected", "Enrolment refused.");
            name = form.get("name");
            phone = form.get("phone");
            email = form.get("email");
            texts = "ja".equals(form.get("sms"));
        } else if (request.isJson()) {
            EnrolRequest body = JsonBodies.read(json, request.body(MAX_ENROLMENT_BYTES), EnrolRequest.class);
            if (body.website() != null && !body.website().isEmpty())
                throw new HttpError(400, "rejected", "Enrolment refused.");
            name = body.name();
            phone = body.phone();
            email = body.email();
            texts = Boolean.TRUE.equals(body.textMessages());
        } else {
            throw new HttpError(415, "unsupported_media_type", "Send application/x-www-form-urlencoded or application/json.");
        }

        EnrolmentService.Result result;
        try {
            EnrolmentService.Contact contact = new EnrolmentService.Contact(name, phone, email, texts);
            result = sessionId == null ? enrolments.enrolInCourse(offerId, contact, EnrolmentService.Caller.PUBLIC)
                    : enrolments.enrol(offerId, sessionId, contact, EnrolmentService.Caller.PUBLIC);
        } catch (InvalidInputException e) {
            return invalid(request, offerId, sessionId, e.errors(), name, phone, email, texts);
        }
        // A repeated enrolment is answered as a new one (EnrolmentService): a stranger learns nothing from it.
        int status = switch (result.outcome()) {
            case ENROLLED, WAITLISTED, REQUESTED -> 201;
            case ALREADY_ENROLLED -> 201;
            case NOT_FOUND -> 404;
            case FULL, NO_ENROLMENT_NEEDED, CANCELLED, PAST, WHOLE_COURSE, CHOOSE_DATE, TRY_AGAIN -> 409;
        };
        if (request.wantsHtml()) {
            Location location = result.session() == null ? null : catalog.location(result.session().locationId()).orElse(null);
            return Responses.html(status, pages.enrolmentResult(result, location));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", result.outcome().name());
        body.put("message", EnrolmentMessages.text(result));
        if (result.outcome() == EnrolmentService.Outcome.WAITLISTED) body.put("position", result.position());
        if (result.manageToken() != null) body.put("manageUrl", Pages.manageUrl(result.manageToken()));
        if (result.session() != null) body.put("seatsLeft", seatsLeftAfter(result));
        return Responses.json(json, status, body);
    }

    /** Seats left after this enrolment, as read before it. */
    private static int seatsLeftAfter(EnrolmentService.Result result) {
        int before = result.offer().isCourse() ? result.offer().courseSeatsLeft() : result.session().seatsLeft();
        return Math.max(0, before - (result.outcome() == EnrolmentService.Outcome.ENROLLED ? 1 : 0));
    }

    private APIGatewayV2HTTPResponse invalid(HttpRequest request, String offerId, String sessionId,
                                             List<FieldError> errors, String name, String phone, String email, boolean texts) {
        if (!request.wantsHtml())
            return Responses.error(json, 400, "invalid", "U bent nog niet aangemeld. Verbeter de velden hieronder.", errors);
        Offer offer = catalog.offer(offerId).orElse(null);
        Session session = offer == null ? null
                : sessionId == null ? offer.courseSessions().stream().findFirst().orElse(null)
                : offer.session(sessionId).orElse(null);
        if (session == null)
            return Responses.html(404, pages.enrolmentResult(new EnrolmentService.Result(EnrolmentService.Outcome.NOT_FOUND, offer, null), null));
        Location location = catalog.location(session.locationId()).orElse(null);
        return Responses.html(400, pages.enrolmentForm(offer, session, location, errors, name, phone, email, texts));
    }

    private static String dutch(HttpError e) {
        return switch (e.status) {
            case 429 -> "Er zijn vanaf dit apparaat te veel aanmeldingen gedaan. Wacht tien minuten en probeer het dan opnieuw. Of bel de bibliotheek.";
            case 413 -> "U hebt te veel tekst gestuurd. Vul alleen uw naam en telefoonnummer in en probeer het opnieuw.";
            case 415 -> "Dit formulier kon niet worden gelezen. Ga terug en probeer het opnieuw.";
            case 404 -> "Deze pagina bestaat niet.";
            default -> "Uw aanmelding is niet gelukt. Ga terug en probeer het opnieuw, of bel de bibliotheek.";
        };
    }

    private static String resource(String path) {
        try (InputStream in = PublicApiHandler.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
