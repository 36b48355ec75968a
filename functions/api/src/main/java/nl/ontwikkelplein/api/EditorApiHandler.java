package nl.ontwikkelplein.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.Audit;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.ForbiddenException;
import nl.ontwikkelplein.domain.OfferDiff;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Permissions;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.InvalidInputException;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.EnrolmentUpkeep;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/** Editor API: offers with their sessions, for staff with a valid bearer token. */
public final class EditorApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final ObjectMapper json = JsonBodies.mapper();
    private final OfferService offers;
    private final EditorAuth auth;
    private final Audit audit;

    /** Lambda's constructor: DynamoDB from the function's environment. */
    public EditorApiHandler() {
        this(DynamoStores.fromEnvironment(System.getenv()), System.getenv());
    }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public EditorApiHandler(Stores stores, Map<String, String> env) {
        Clock clock = Clock.systemUTC();
        this.offers = new OfferService(stores.catalog(), clock);
        this.auth = new EditorAuth(stores.editorTokens(), clock);
        this.audit = new Audit(stores.audit(), clock);
        this.upkeep = EnrolmentUpkeep.of(stores, clock, EnrolmentService.retention(env));
    }

    /** More seats go to the people waiting; a moved date moves the retention of its people. */
    private final EnrolmentUpkeep upkeep;

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        try {
            Actor actor = auth.actor(request.header("authorization"))
                    .orElseThrow(() -> new HttpError(401, "unauthorized", "Send a valid editor token: Authorization: Bearer op_..."));
            return switch (request.routeKey()) {
                case "POST /api/offers" -> {
                    OfferInput input = JsonBodies.read(json, jsonBody(request), OfferInput.class);
                    Permissions.require(actor, Permission.EDIT_OFFERS, input.organisationId());
                    Offer created = offers.create(input);
                    audit.record(actor, "OFFER", created.id(), created.organisationId(), "CREATED", OfferDiff.changedFields(null, created));
                    yield Responses.json(json, 201, OfferJson.from(created));
                }
                case "GET /api/offers/{offerId}" -> {
                    Offer offer = offers.get(request.pathParameter("offerId"));
                    Permissions.require(actor, Permission.VIEW_OFFERS, offer.organisationId());
                    yield Responses.json(json, 200, OfferJson.from(offer));
                }
                case "PUT /api/offers/{offerId}" -> {
                    OfferInput input = JsonBodies.read(json, jsonBody(request), OfferInput.class);
                    Offer current = offers.get(request.pathParameter("offerId"));
                    Permissions.require(actor, Permission.EDIT_OFFERS, current.organisationId());
                    Offer updated = offers.update(current.id(), input);
                    upkeep.afterEdit(current, updated);
                    List<String> fields = OfferDiff.changedFields(current, updated);
                    if (!fields.isEmpty()) audit.record(actor, "OFFER", updated.id(), updated.organisationId(), "CHANGED", fields);
                    yield Responses.json(json, 200, OfferJson.from(updated));
                }
                default -> throw new HttpError(404, "not_found", "No such route: " + request.routeKey());
            };
        } catch (ForbiddenException e) {
            return Responses.error(json, 403, "forbidden", "Your token may not do this for this organisation.", null);
        } catch (HttpError e) {
            return Responses.error(json, e.status, e.code, e.getMessage(), null);
        } catch (InvalidInputException e) {
            return Responses.error(json, 400, "invalid", "Het aanbod is niet opgeslagen. Verbeter de velden hieronder.", e.errors());
        } catch (NotFoundException e) {
            return Responses.error(json, 404, "not_found", e.getMessage(), null);
        } catch (ConflictException e) {
            return Responses.error(json, 409, "conflict", e.getMessage(), null);
        }
    }

    private static String jsonBody(HttpRequest request) {
        if (!request.isJson()) throw new HttpError(415, "unsupported_media_type", "Send the offer as Content-Type: application/json.");
        return request.body(MAX_BODY_BYTES);
    }
}
