package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.Audit;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.ParticipantService;
import nl.ontwikkelplein.domain.ForbiddenException;
import nl.ontwikkelplein.domain.Mailer;
import nl.ontwikkelplein.domain.Secrets;
import nl.ontwikkelplein.domain.StaffSignIn;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.Waitlists;
import nl.ontwikkelplein.domain.EnrolmentUpkeep;
import nl.ontwikkelplein.messaging.SesMailer;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;
import nl.ontwikkelplein.web.workspace.ConfirmPage;
import nl.ontwikkelplein.web.workspace.Form;
import nl.ontwikkelplein.web.workspace.MessagePage;
import nl.ontwikkelplein.web.workspace.SignInPage;
import nl.ontwikkelplein.web.workspace.StaffPage;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/**
 * The staff workspace under {@code /beheer}: server-rendered forms that work without JavaScript,
 * with sign-in by email. Thin: it reads the request, asks the domain (sign-in, permissions, offers)
 * and renders a page or redirects (POST, then redirect). Who may do what is decided in
 * {@link nl.ontwikkelplein.domain.Permissions}, as for the editor API.
 */
public final class WorkspaceHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String SIGNED_IN_HOME = "/beheer/aanbod";
    /** The sign-in nonce outlives a link (15 minutes) so a link asked for late still finds it. */
    static final long NONCE_MAX_AGE_SECONDS = 3600;

    private final StaffSignIn signIn;
    private final SiteOrigin origin;
    private final WorkspacePages pages = new WorkspacePages();
    private final OffersView offers;
    private final OfferPages offerPages;
    private final ParticipantPages participantPages;
    private final AdminPages adminPages;
    private final FeedPages feedPages;
    private final CallListPages callListPages;
    private final ReferralPages referralPages;
    private final StaffSignIn.LinkMail linkMail = new SignInMail();

    /** Lambda's constructor: DynamoDB and SES from the function's environment. */
    public WorkspaceHandler() {
        this(DynamoStores.fromEnvironment(System.getenv()), System.getenv());
    }

    /** The composition root with any storage adapters (the local runtime passes SQLite ones); mail through SES. */
    public WorkspaceHandler(Stores stores, Map<String, String> env) {
        this(stores, SesMailer.fromEnvironment(env), env, Clock.systemUTC());
    }

    public WorkspaceHandler(Stores stores, Mailer mailer, Map<String, String> env, Clock clock) {
        this.signIn = new StaffSignIn(stores.staff(), stores.signIns(), stores.rateLimits(), mailer, clock);
        this.origin = new SiteOrigin(env);
        this.offers = new OffersView(stores.catalog(), pages, clock);
        Audit audit = new Audit(stores.audit(), clock);
        Waitlists waitlists = new Waitlists(stores.catalog(), stores.participants(), clock);
        this.offerPages = new OfferPages(stores.catalog(), audit, EnrolmentUpkeep.of(stores, clock, EnrolmentService.retention(env)), pages, clock,
                nl.ontwikkelplein.messaging.LambdaSiteUpdates.fromEnvironment(env));
        EnrolmentService enrolments = new EnrolmentService(stores.catalog(), stores.seats(), stores.participants(), clock, EnrolmentService.retention(env));
        this.participantPages = new ParticipantPages(offerPages,
                new ParticipantService(stores.participants(), enrolments, waitlists, audit, clock), pages, clock);
        this.callListPages = new CallListPages(new nl.ontwikkelplein.domain.CallList(stores.outbox(), stores.participants(), stores.catalog(), audit, clock),
                pages);
        this.referralPages = new ReferralPages(new nl.ontwikkelplein.domain.Referrals(stores.catalog(), stores.participants(), enrolments, audit, clock),
                stores.catalog(), pages);
        this.adminPages = new AdminPages(stores.catalog(), stores.staff(), stores.signIns(), stores.editorTokens(), audit, mailer, pages, clock);
        this.feedPages = new FeedPages(stores.feeds(), stores.catalog(), audit, pages, clock, nl.ontwikkelplein.messaging.LambdaImportRuns.fromEnvironment(env));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest request = new WebRequest(event);
        try {
            return route(request);
        } catch (WebRequest.BadRequest e) {
            return message(request, e.status, "Dat lukte niet", List.of(e.getMessage()), "/beheer/", "Naar het begin");
        } catch (ForbiddenException e) {
            return message(request, 403, "Geen toegang", List.of("U hebt geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag het de beheerder van Ontwikkelplein in uw regio."),
                    SIGNED_IN_HOME, "Naar ons aanbod");
        }
    }

    private APIGatewayV2HTTPResponse route(WebRequest request) {
        String path = request.path();
        String method = request.method();
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        switch (path) {
            case "/beheer":
                if (get) return home(request);
                break;
            case "/beheer/inloggen":
                if (post) return requestLink(request);
                if (get) return WebResponse.seeOther("/beheer/", List.of());
                break;
            case "/beheer/inloggen/verstuurd":
                if (get) return message(request, 200, "Kijk in uw e-mail", List.of(
                        "Als dit adres bij ons bekend is, krijgt u binnen een paar minuten een e-mail met een link om in te loggen.",
                        "De link werkt " + StaffSignIn.LINK_VALIDITY.toMinutes() + " minuten. Open hem in deze browser.",
                        "Geen e-mail gekregen? Kijk ook bij uw ongewenste e-mail. Of vraag een nieuwe link aan."), "/beheer/", "Een nieuwe link aanvragen");
                break;
            case "/beheer/inloggen/link":
                if (get) return confirmPage(request);
                if (post) return useLink(request);
                break;
            case "/beheer/uitloggen":
                if (post) return signOut(request);
                break;
            case "/beheer/bellijst":
                if (get) return signedIn(request).map(actor -> callListPages.page(request, actor, staffPage(request, actor, "Bellijst", "bellijst")))
                        .orElseGet(() -> toSignIn(request));
                break;
            case "/beheer/bellijst/gebeld":
                if (post) {
                    Optional<Actor> actor = signedIn(request);
                    if (actor.isEmpty()) return toSignIn(request);
                    if (!validPost(request)) return expiredForm(request);
                    return callListPages.called(request, actor.get());
                }
                break;
            case "/beheer/aanbod":
                if (get) return signedIn(request).map(actor -> actor.role() == nl.ontwikkelplein.domain.Role.REFERRER
                                ? WebResponse.seeOther(ReferralPages.BASE, List.of()) // a referrer's home
                                : offers.page(request, actor, staffPage(request, actor, "Ons aanbod", "aanbod")))
                        .orElseGet(() -> toSignIn(request));
                break;
            case ReferralPages.BASE:
                if (get) return signedIn(request).map(actor -> referralPages.page(request, actor, staffPage(request, actor, "Mijn verwijzingen", "verwijzen")))
                        .orElseGet(() -> toSignIn(request));
                break;
            default:
                if (path.startsWith("/beheer/aanbod/")) return offerRoute(request, path.substring("/beheer/aanbod/".length()), get, post);
                if (path.startsWith(ReferralPages.BASE + "/")) return referralRoute(request, path.substring(ReferralPages.BASE.length() + 1), get, post);
                if (path.equals(FeedPages.BASE) || path.startsWith(FeedPages.BASE + "/")) return feedRoute(request, path.substring(FeedPages.BASE.length()), get, post);
                for (String section : List.of("organisaties", "locaties", "medewerkers", "tokens"))
                    if (path.equals("/beheer/" + section) || path.startsWith("/beheer/" + section + "/"))
                        return adminRoute(request, section, path.substring(("/beheer/" + section).length()), get, post);
                return signedIn(request).isPresent()
                        ? message(request, 404, "Deze pagina bestaat niet", List.of("Misschien is de link oud of verkeerd getypt."), SIGNED_IN_HOME, "Naar ons aanbod")
                        : toSignIn(request);
        }
        return message(request, 405, "Dat lukte niet", List.of("Deze pagina werkt zo niet. Ga terug en probeer het opnieuw."), "/beheer/", "Naar het begin");
    }

    /**
     * {@code nieuw}, {@code {id}}, {@code {id}/bewerken}, {@code {id}/data}, {@code {id}/data/{sessionId}},
     * {@code {id}/status}, {@code {id}/kopie}, {@code {id}/overnemen}, {@code {id}/teruggeven}, {@code {id}/voorbeeld}. Signed in, and every POST same-origin with its token.
     */
    private APIGatewayV2HTTPResponse offerRoute(WebRequest request, String rest, boolean get, boolean post) {
        Optional<Actor> signedIn = signedIn(request);
        if (signedIn.isEmpty()) return toSignIn(request);
        Actor actor = signedIn.get();
        if (post && !validPost(request)) return expiredForm(request);
        OfferPages.Pageframe frame = title -> staffPage(request, actor, title, "aanbod");
        String[] parts = rest.split("/", -1);
        String id = parts[0];
        String sub = parts.length > 1 ? parts[1] : "";
        if (parts.length == 1 && id.equals("nieuw")) {
            if (get) return offerPages.newForm(request, actor, frame);
            if (post) return offerPages.create(request, actor, frame);
        } else if (parts.length == 1) {
            if (get) return offerPages.overview(request, actor, frame, id);
        } else if (parts.length == 2 && sub.equals("bewerken")) {
            if (get) return offerPages.editForm(request, actor, frame, id);
            if (post) return offerPages.save(request, actor, frame, id);
        } else if (parts.length == 2 && sub.equals("data")) {
            if (get) return offerPages.datesForm(request, actor, frame, id);
            if (post) return offerPages.addDates(request, actor, frame, id);
        } else if (parts.length == 4 && sub.equals("data") && parts[3].equals("deelnemers")) {
            if (get) return participantPages.page(request, actor, frame, id, parts[2]);
        } else if (parts.length == 4 && sub.equals("data") && parts[3].equals("deelnemers.csv")) {
            if (get) return participantPages.csv(actor, id, parts[2]);
        } else if (parts.length == 5 && sub.equals("data") && parts[3].equals("deelnemers")) {
            if (post && parts[4].equals("aanmelden")) return participantPages.enrol(request, actor, frame, id, parts[2]);
            if (post && parts[4].equals("verwijderen")) return participantPages.remove(request, actor, id, parts[2]);
            if (post && parts[4].equals("aanwezigheid")) return participantPages.attendance(request, actor, id, parts[2]);
            if (post && parts[4].equals("aannemen")) return participantPages.decide(request, actor, id, parts[2], true);
            if (post && parts[4].equals("afwijzen")) return participantPages.decide(request, actor, id, parts[2], false);
        } else if (parts.length == 3 && sub.equals("data")) {
            if (get) return offerPages.dateForm(request, actor, frame, id, parts[2]);
            if (post) return offerPages.saveDate(request, actor, frame, id, parts[2]);
        } else if (parts.length == 2 && sub.equals("status")) {
            if (post) return offerPages.changeStatus(request, actor, frame, id);
        } else if (parts.length == 2 && sub.equals("kopie")) {
            if (post) return offerPages.copy(request, actor, id);
        } else if (parts.length == 2 && (sub.equals("overnemen") || sub.equals("teruggeven"))) {
            if (post) return offerPages.origin(request, actor, id, sub.equals("overnemen"));
        } else if (parts.length == 2 && sub.equals("voorbeeld")) {
            if (get) return offerPages.preview(actor, id);
        } else {
            return message(request, 404, "Deze pagina bestaat niet", List.of("Misschien is de link oud of verkeerd getypt."), SIGNED_IN_HOME, "Naar ons aanbod");
        }
        return message(request, 405, "Dat lukte niet", List.of("Deze pagina werkt zo niet. Ga terug en probeer het opnieuw."), SIGNED_IN_HOME, "Naar ons aanbod");
    }

    /**
     * {@code /beheer/importen}, {@code /beheer/importen/{id}}: read by the admin and the feed's organisation's editors, changed by the
     * admin, who also runs a feed now ({@code {id}/nu}), confirms its shrink ({@code {id}/krimp-bevestigen}) or ends it
     * ({@code {id}/verwijderen} asks, {@code {id}/verwijderen/zeker} does it; both POST).
     */
    private APIGatewayV2HTTPResponse feedRoute(WebRequest request, String rest, boolean get, boolean post) {
        Optional<Actor> signedIn = signedIn(request);
        if (signedIn.isEmpty()) return toSignIn(request);
        Actor actor = signedIn.get();
        if (actor.role() == nl.ontwikkelplein.domain.Role.REFERRER) throw new ForbiddenException(nl.ontwikkelplein.domain.Permission.VIEW_OFFERS);
        if (post && !validPost(request)) return expiredForm(request);
        AdminPages.Frame frame = (title, current) -> staffPage(request, actor, title, current);
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/", -1);
        boolean removal = parts.length >= 2 && parts[1].equals(FeedPages.REMOVE) && (parts.length == 2 || parts.length == 3 && parts[2].equals(FeedPages.SURE));
        boolean action = removal || parts.length == 2 && (parts[1].equals(FeedPages.RUN_NOW) || parts[1].equals(FeedPages.CONFIRM_SHRINK));
        if ((parts.length > 2 && !removal) || (parts.length == 2 && !action) || (parts.length > 0 && parts[0].isEmpty()))
            return message(request, 404, "Deze pagina bestaat niet", List.of("Misschien is de link oud of verkeerd getypt."), SIGNED_IN_HOME, "Naar ons aanbod");
        String id = parts.length >= 1 ? parts[0] : null;
        if (removal && post) return parts.length == 3 ? feedPages.remove(actor, id) : feedPages.confirmRemoval(actor, frame, id);
        if (action && post) return feedPages.runNow(actor, id, parts[1].equals(FeedPages.CONFIRM_SHRINK));
        if (action) return message(request, 405, "Dat lukte niet", List.of("Deze pagina werkt zo niet. Ga terug en probeer het opnieuw."), SIGNED_IN_HOME, "Naar ons aanbod");
        if (id == null && get) return feedPages.list(request, actor, frame, null, 200);
        if (id == null && post) return feedPages.save(request, actor, frame, null);
        if (get) return feedPages.feed(request, actor, frame, id, null, 200);
        if (post) return feedPages.save(request, actor, frame, id);
        return message(request, 405, "Dat lukte niet", List.of("Deze pagina werkt zo niet. Ga terug en probeer het opnieuw."), SIGNED_IN_HOME, "Naar ons aanbod");
    }

    /** The regional admin's sections; each part of the path after the section name in {@code rest} ("" or "/{id}[/intrekken]"). */
    private APIGatewayV2HTTPResponse adminRoute(WebRequest request, String section, String rest, boolean get, boolean post) {
        Optional<Actor> signedIn = signedIn(request);
        if (signedIn.isEmpty()) return toSignIn(request);
        Actor actor = signedIn.get();
        if (post && !validPost(request)) return expiredForm(request);
        AdminPages.Frame frame = (title, current) -> staffPage(request, actor, title, current);
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/", -1);
        String id = parts.length > 0 ? parts[0] : null;
        boolean revoke = parts.length == 2 && parts[1].equals("intrekken");
        if (parts.length > 2 || (parts.length == 2 && !revoke) || (id != null && id.isEmpty()))
            return message(request, 404, "Deze pagina bestaat niet", List.of("Misschien is de link oud of verkeerd getypt."), SIGNED_IN_HOME, "Naar ons aanbod");
        switch (section) {
            case "organisaties":
                if (revoke) break;
                if (id == null && get) return adminPages.organisations(request, actor, frame, Form.EMPTY, 200);
                if (id == null && post) return adminPages.addOrganisation(request, actor, frame);
                if (get) return adminPages.organisation(request, actor, frame, id, null, 200);
                if (post) return adminPages.saveOrganisation(request, actor, frame, id);
                break;
            case "locaties":
                if (revoke) break;
                if (id == null && get) return adminPages.locations(request, actor, frame, null, 200);
                if (post) return adminPages.saveLocation(request, actor, frame, id);
                if (get) return adminPages.location(request, actor, frame, id, null, 200);
                break;
            case "medewerkers":
                if (id == null && get) return adminPages.staffList(request, actor, frame, null, 200);
                if (id == null && post) return adminPages.invite(request, actor, frame, origin.of(request));
                if (revoke && post) return adminPages.revoke(request, actor, frame, id);
                if (revoke) break;
                if (get) return adminPages.person(request, actor, frame, id, null, 200);
                if (post) return adminPages.savePerson(request, actor, frame, id);
                break;
            default: // tokens
                if (id == null && get) return adminPages.tokens(request, actor, frame, null, null, 200);
                if (id == null && post) return adminPages.createToken(request, actor, frame);
                if (revoke && post) return adminPages.revokeToken(actor, id);
                break;
        }
        return message(request, 405, "Dat lukte niet", List.of("Deze pagina werkt zo niet. Ga terug en probeer het opnieuw."), SIGNED_IN_HOME, "Naar ons aanbod");
    }

    /** {@code {offerId}/{sessionId}}: the referral form of one date. */
    private APIGatewayV2HTTPResponse referralRoute(WebRequest request, String rest, boolean get, boolean post) {
        Optional<Actor> signedIn = signedIn(request);
        if (signedIn.isEmpty()) return toSignIn(request);
        Actor actor = signedIn.get();
        if (post && !validPost(request)) return expiredForm(request);
        String[] parts = rest.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty())
            return message(request, 404, "Deze pagina bestaat niet", List.of("Misschien is de link oud of verkeerd getypt."), ReferralPages.BASE, "Naar mijn verwijzingen");
        StaffPage page = staffPage(request, actor, "Cliënt aanmelden", "verwijzen");
        if (get) return referralPages.form(actor, page, parts[0], parts[1]);
        if (post) return referralPages.refer(request, actor, page, parts[0], parts[1]);
        return message(request, 405, "Dat lukte niet", List.of("Deze pagina werkt zo niet. Ga terug en probeer het opnieuw."), ReferralPages.BASE, "Naar mijn verwijzingen");
    }

    /** A signed-in POST: from this site, with the session's CSRF token. */
    private boolean validPost(WebRequest request) {
        return origin.sameOrigin(request) && Csrf.valid(request.cookie(WebResponse.SESSION_COOKIE), request.field("csrf"));
    }

    // ------------------------------------------------------------------ sign-in

    private APIGatewayV2HTTPResponse home(WebRequest request) {
        if (signedIn(request).isPresent()) return WebResponse.seeOther(SIGNED_IN_HOME, List.of());
        String notice = switch (request.query("melding")) {
            case "uitgelogd" -> "U bent uitgelogd.";
            case "verlopen" -> "U was een tijd niet actief. Log opnieuw in.";
            case "inloggen" -> "Log in om verder te gaan.";
            default -> null;
        };
        // CreateAdmin prints /beheer/?email=...: the form comes filled in.
        String email = request.query("email");
        Form form = email.isEmpty() || email.length() > 254 ? Form.EMPTY : new Form(Map.of("email", email), List.of());
        return signInForm(request, 200, form, notice);
    }

    private APIGatewayV2HTTPResponse signInForm(WebRequest request, int status, Form form, String notice) {
        String nonce = request.cookie(WebResponse.NONCE_COOKIE);
        List<String> cookies = new ArrayList<>();
        if (!Secrets.looksLikeSecret(nonce)) {
            nonce = Secrets.newSecret();
            cookies.add(WebResponse.cookie(WebResponse.NONCE_COOKIE, nonce, NONCE_MAX_AGE_SECONDS));
        }
        String html = pages.signIn(new SignInPage(anonymousPage("Inloggen"), form, Csrf.token(nonce), notice));
        return WebResponse.html(status, html, cookies);
    }

    private APIGatewayV2HTTPResponse requestLink(WebRequest request) {
        String nonce = request.cookie(WebResponse.NONCE_COOKIE);
        if (!origin.sameOrigin(request) || !Csrf.valid(nonce, request.field("csrf"))) return expiredForm(request);
        String email = request.field("email");
        if (email.isBlank()) return signInForm(request, 400, invalid(email, "Vul uw e-mailadres in."), null);
        String base = origin.of(request).orElseThrow(() -> new WebRequest.BadRequest(400, "Dit adres van de website kennen wij niet."));
        try {
            signIn.requestLink(email, request.clientAddress(), nonce, base + "/beheer/inloggen/link?code=", linkMail);
        } catch (StaffSignIn.RefusedException e) {
            if (e.refusal() == StaffSignIn.Refusal.NOT_AN_ADDRESS)
                return signInForm(request, 400, invalid(email, "Vul een e-mailadres in zoals naam@bibliotheek.nl."), null);
            return message(request, 429, "Even wachten", List.of("U hebt te vaak een link gevraagd. Wacht een kwartier en probeer het dan opnieuw."),
                    "/beheer/", "Naar het begin");
        }
        return WebResponse.seeOther("/beheer/inloggen/verstuurd", List.of());
    }

    private static Form invalid(String email, String message) {
        return new Form(Map.of("email", email.length() > 254 ? email.substring(0, 254) : email), List.of(new Form.Error("email", message)));
    }

    private APIGatewayV2HTTPResponse confirmPage(WebRequest request) {
        String code = request.query("code");
        String nonce = request.cookie(WebResponse.NONCE_COOKIE);
        return switch (signIn.check(code, nonce)) {
            case VALID -> WebResponse.html(200, pages.confirm(new ConfirmPage(anonymousPage("Inloggen"), code, Csrf.token(nonce))));
            case OTHER_BROWSER -> otherBrowser(request);
            case EXPIRED_OR_USED -> linkExpired(request);
        };
    }

    private APIGatewayV2HTTPResponse useLink(WebRequest request) {
        String nonce = request.cookie(WebResponse.NONCE_COOKIE);
        if (!origin.sameOrigin(request) || !Csrf.valid(nonce, request.field("csrf"))) return expiredForm(request);
        StaffSignIn.Result result = signIn.signIn(request.field("code"), nonce);
        return switch (result.state()) {
            case VALID -> WebResponse.seeOther(SIGNED_IN_HOME, List.of(
                    WebResponse.cookie(WebResponse.SESSION_COOKIE, result.sessionSecret(), -1),
                    WebResponse.expired(WebResponse.NONCE_COOKIE)));
            case OTHER_BROWSER -> otherBrowser(request);
            case EXPIRED_OR_USED -> linkExpired(request);
        };
    }

    private APIGatewayV2HTTPResponse otherBrowser(WebRequest request) {
        return message(request, 400, "Open de link in dezelfde browser", List.of(
                "Deze link werkt alleen in de browser waarin u de link hebt aangevraagd.",
                "Open de link daar. Of vraag hier een nieuwe link aan."), "/beheer/", "Een nieuwe link aanvragen");
    }

    private APIGatewayV2HTTPResponse linkExpired(WebRequest request) {
        return message(request, 400, "Deze link werkt niet meer", List.of(
                "Een link om in te loggen werkt " + StaffSignIn.LINK_VALIDITY.toMinutes() + " minuten en maar één keer.",
                "Vraag een nieuwe link aan."), "/beheer/", "Een nieuwe link aanvragen");
    }

    private APIGatewayV2HTTPResponse signOut(WebRequest request) {
        String session = request.cookie(WebResponse.SESSION_COOKIE);
        if (!origin.sameOrigin(request) || !Csrf.valid(session, request.field("csrf"))) return expiredForm(request);
        signIn.signOut(session);
        return WebResponse.seeOther("/beheer/?melding=uitgelogd", List.of(WebResponse.expired(WebResponse.SESSION_COOKIE)));
    }

    /** A POST from another site, or a form whose token no longer fits this browser: refused, nothing done. */
    private APIGatewayV2HTTPResponse expiredForm(WebRequest request) {
        return message(request, 403, "Dit formulier is verlopen", List.of(
                "Wij hebben niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens."), "/beheer/", "Naar het begin");
    }

    // ------------------------------------------------------------------ shared

    /** Read once per request: error pages and the page itself share the lookup. */
    private Optional<Actor> signedIn(WebRequest request) {
        if (request.actor == null) {
            String session = request.cookie(WebResponse.SESSION_COOKIE);
            request.actor = session == null ? Optional.empty() : signIn.authenticate(session);
        }
        return request.actor;
    }

    /** Not signed in (or no longer): to the sign-in page, saying why. */
    private static APIGatewayV2HTTPResponse toSignIn(WebRequest request) {
        boolean hadSession = request.cookie(WebResponse.SESSION_COOKIE) != null;
        return WebResponse.seeOther("/beheer/?melding=" + (hadSession ? "verlopen" : "inloggen"),
                hadSession ? List.of(WebResponse.expired(WebResponse.SESSION_COOKIE)) : List.of());
    }

    private StaffPage staffPage(WebRequest request, Actor actor, String title, String section) {
        return new StaffPage(title, actor.name(), Csrf.token(request.cookie(WebResponse.SESSION_COOKIE)), actor.isAdmin(), section, null,
                actor.role() == nl.ontwikkelplein.domain.Role.REFERRER);
    }

    private static StaffPage anonymousPage(String title) {
        return new StaffPage(title, null, null, false, null, null);
    }

    private APIGatewayV2HTTPResponse message(WebRequest request, int status, String heading, List<String> paragraphs, String link, String linkText) {
        Optional<Actor> actor = request.cookie(WebResponse.SESSION_COOKIE) == null ? Optional.empty() : signedInQuietly(request);
        StaffPage page = actor.map(a -> staffPage(request, a, heading, null)).orElseGet(() -> anonymousPage(heading));
        return WebResponse.html(status, pages.message(new MessagePage(page, heading, paragraphs, link, linkText)));
    }

    private Optional<Actor> signedInQuietly(WebRequest request) {
        try {
            return signedIn(request);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
