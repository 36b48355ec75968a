package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Secrets;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.domain.StaffSession;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every workspace and editor-API route for every kind of caller: nobody, an editor of library A,
 * an editor of library B, the regional admin, an expired session (or token) and a revoked account
 * (or token). Each cell is the status the route must answer; all mismatches are reported at once.
 * Denied writes leave the catalog as it was.
 */
@LocalStackTest
class AuthorisationMatrixTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ACTORS = List.of("nobody", "editorA", "editorB", "admin", "expired", "revoked");

    static TestStack stack;
    static final Map<String, StaffClient> browsers = new LinkedHashMap<>();
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static Offer offerA;
    /** An offer of library A from a partner's feed: staff may take it over and give it back. */
    static String importedA;
    static String sessionA;
    /** A token only the revoke route touches. */
    static String doomedTokenId;

    @BeforeAll
    static void actors() throws Exception {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveOrganisation(new Organisation("bieb-b", "Bibliotheek B", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        offerA = new OfferService(stores.catalog(), Clock.systemUTC()).create(input("Taalcafé A"));
        sessionA = offerA.sessions().get(0).id();
        var report = new nl.ontwikkelplein.domain.PartnerImport(stores.catalog(), new OfferService(stores.catalog(), Clock.systemUTC()), Clock.systemUTC())
                .run("partner", "bieb-a", List.of(), List.of(new nl.ontwikkelplein.domain.PartnerImport.FeedOffer("x-1", 2, input("Cursus van een partner"))), List.of());
        assertTrue(report.created() == 1, report.summary());
        importedA = stores.catalog().offersOf("bieb-a").stream().filter(o -> o.source() != null).findFirst().orElseThrow().id();
        Instant now = Instant.now();
        stores.feeds().save(new nl.ontwikkelplein.domain.PartnerFeed("feed-a", "bieb-a", "https://partner.example/a.csv?key=geheim", "csv", null, List.of(), now, now));
        // Ended by the admin's row below (the import forgets it), so no other row uses it.
        stores.feeds().save(new nl.ontwikkelplein.domain.PartnerFeed("feed-z", "bieb-a", "https://partner.example/z.csv", "csv", null, List.of(), now, now));
        stores.staff().create(new StaffMember("editor-a", "a@bieb.test", "Editor A", Role.EDITOR, List.of("bieb-a"), now, null));
        stores.staff().create(new StaffMember("editor-b", "b@bieb.test", "Editor B", Role.EDITOR, List.of("bieb-b"), now, null));
        stores.staff().create(new StaffMember("admin", "admin@bieb.test", "Beheerder", Role.ADMIN, List.of(), now, null));
        StaffMember revoked = new StaffMember("weg", "weg@bieb.test", "Vertrokken", Role.EDITOR, List.of("bieb-a"), now, null);
        stores.staff().create(revoked);

        browsers.put("nobody", new StaffClient(stack));
        for (String[] who : new String[][]{{"editorA", "a@bieb.test"}, {"editorB", "b@bieb.test"}, {"admin", "admin@bieb.test"}, {"revoked", "weg@bieb.test"}}) {
            StaffClient browser = new StaffClient(stack);
            browser.signIn(who[1]);
            browser.get("/beheer/aanbod"); // the session's CSRF token for the POSTs below
            browsers.put(who[0], browser);
        }
        stores.staff().update(revoked.revoked(Instant.now()));
        String idle = Secrets.newSecret();
        Instant past = now.minus(Duration.ofHours(9));
        stores.signIns().saveSession(new StaffSession(Secrets.hash(idle), "editor-a", past, past, past.plus(Duration.ofHours(8))));
        StaffClient expired = new StaffClient(stack);
        expired.cookies.put("__Host-op-sessie", idle);
        browsers.put("expired", expired);

        EditorAuth auth = new EditorAuth(stores.editorTokens(), Clock.systemUTC());
        Instant later = now.plus(Duration.ofDays(1));
        tokens.put("editorA", auth.issue(new Editor("Koppeling A", Role.EDITOR, List.of("bieb-a"), now, later)));
        tokens.put("editorB", auth.issue(new Editor("Koppeling B", Role.EDITOR, List.of("bieb-b"), now, later)));
        tokens.put("admin", auth.issue(new Editor("Regio", Role.ADMIN, List.of(), now, later)));
        tokens.put("expired", auth.issue(new Editor("Oud", Role.EDITOR, List.of("bieb-a"), now.minus(Duration.ofDays(2)), now.minusSeconds(1))));
        String revokedToken = auth.issue(new Editor("Ingetrokken", Role.EDITOR, List.of("bieb-a"), now, later));
        String revokedId = stores.editorTokens().all().stream().filter(t -> t.editor().name().equals("Ingetrokken")).findFirst().orElseThrow().tokenId();
        assertTrue(stores.editorTokens().revoke(revokedId));
        tokens.put("revoked", revokedToken);
        auth.issue(new Editor("Opheffen", Role.EDITOR, List.of("bieb-a"), now, later));
        doomedTokenId = stores.editorTokens().all().stream().filter(t -> t.editor().name().equals("Opheffen")).findFirst().orElseThrow().tokenId();
        stores.staff().create(new StaffMember("doel", "doel@bieb.test", "Doel", Role.EDITOR, List.of("bieb-a"), now, null));
    }

    static OfferInput input(String title) {
        LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(10).withMinute(0).withSecond(0).withNano(0);
        return new OfferInput("bieb-a", title, null, null, "MEETUP", "BASIC_SKILLS", List.of(), List.of(), null, 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.toString(), start.plusHours(1).toString(), "vestiging-a", 50, null)));
    }

    /** Route → expected status per actor, in the order of {@link #ACTORS}. */
    static final int[] LIBRARY_A = {303, 200, 403, 200, 303, 303};
    static final int[] ADMIN_ONLY = {303, 403, 403, 200, 303, 303};

    static Map<String, int[]> workspace() {
        String offer = "/beheer/aanbod/" + offerA.id(), date = offer + "/data/" + sessionA;
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("GET /beheer/aanbod?organisatie=bieb-a", LIBRARY_A);
        m.put("GET /beheer/aanbod?organisatie=bieb-b", new int[]{303, 403, 200, 200, 303, 303});
        m.put("GET /beheer/aanbod", new int[]{303, 200, 200, 200, 303, 303});
        m.put("GET /beheer/aanbod/nieuw?organisatie=bieb-a", LIBRARY_A);
        m.put("GET " + offer, LIBRARY_A);
        m.put("GET " + offer + "/bewerken", LIBRARY_A);
        m.put("GET " + offer + "/data", LIBRARY_A);
        m.put("GET " + date, LIBRARY_A);
        m.put("GET " + offer + "/voorbeeld", LIBRARY_A);
        m.put("GET " + date + "/deelnemers", LIBRARY_A);
        m.put("GET " + date + "/deelnemers.csv", LIBRARY_A);
        m.put("GET /beheer/organisaties", ADMIN_ONLY);
        m.put("GET /beheer/organisaties/bieb-a", ADMIN_ONLY);
        m.put("GET /beheer/locaties", ADMIN_ONLY);
        m.put("GET /beheer/locaties/vestiging-a", ADMIN_ONLY);
        m.put("GET /beheer/medewerkers", ADMIN_ONLY);
        m.put("GET /beheer/medewerkers/editor-a", ADMIN_ONLY);
        m.put("GET /beheer/tokens", ADMIN_ONLY);
        m.put("GET /beheer/bellijst", new int[]{303, 200, 200, 200, 303, 303});
        // Every editor has the list (with their organisations' feeds); a feed's page is its organisation's.
        m.put("GET /beheer/importen", new int[]{303, 200, 200, 200, 303, 303});
        m.put("GET /beheer/importen/feed-a", LIBRARY_A);
        m.put("GET /beheer/niet-bestaand", new int[]{303, 404, 404, 404, 303, 303});
        return m;
    }

    /** Form posts, each with the caller's own CSRF token: what is denied is denied by the rule, not by the token. */
    static Map<String, int[]> workspacePosts() {
        String offer = "/beheer/aanbod/" + offerA.id(), date = offer + "/data/" + sessionA;
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("POST /beheer/aanbod/nieuw?organisatie=bieb-a", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + offer + "/bewerken", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + offer + "/status", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + offer + "/kopie", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST /beheer/aanbod/" + importedA + "/overnemen", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST /beheer/aanbod/" + importedA + "/teruggeven", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + date + "/deelnemers/aanmelden", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST /beheer/organisaties", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/importen", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/importen/feed-a", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/importen/feed-a/nu", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/importen/feed-a/krimp-bevestigen", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/importen/feed-a/verwijderen", new int[]{303, 403, 403, 200, 303, 303});
        m.put("POST /beheer/importen/feed-z/verwijderen/zeker", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/locaties", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/medewerkers", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/tokens", new int[]{303, 403, 403, 201, 303, 303});
        m.put("POST " + offer + "/data", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + date, new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + date + "/deelnemers/verwijderen", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + date + "/deelnemers/aannemen", new int[]{303, 303, 403, 303, 303, 303});
        m.put("POST " + date + "/deelnemers/afwijzen", new int[]{303, 303, 403, 303, 303, 303});
        // Before the date: refused as too early for those who may, as forbidden for the others.
        m.put("POST " + date + "/deelnemers/aanwezigheid", new int[]{303, 400, 403, 400, 303, 303});
        m.put("POST /beheer/organisaties/bieb-a", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/locaties/vestiging-a", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/medewerkers/doel", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/medewerkers/doel/intrekken", new int[]{303, 403, 403, 303, 303, 303});
        m.put("POST /beheer/tokens/" + doomedTokenId + "/intrekken", new int[]{303, 403, 403, 303, 303, 303});
        // Ticking someone on library A's call list: only its editors and the admin.
        m.put("POST /beheer/bellijst/gebeld", new int[]{303, 303, 403, 303, 303, 303});
        // Nobody and the expired session have no page-issued token: refused; the rest end their session.
        m.put("POST /beheer/uitloggen", new int[]{403, 303, 303, 303, 403, 303});
        return m;
    }

    /** A valid form for the route, unique per caller, with the offer's current version. */
    static Map<String, String> formFor(String path, String actor) {
        Map<String, String> f = new LinkedHashMap<>();
        String version = stack.stack().stores().catalog().offer(offerA.id()).map(o -> o.updatedAt().toString()).orElse("");
        if (path.contains("/nieuw") || path.endsWith("/bewerken")) {
            f.putAll(Map.of("titel", "Taalcafé door " + actor, "soort", "MEETUP", "programmalijn", "BASIC_SKILLS", "vorm", "IN_PERSON",
                    "prijs", "0", "aanmelden", "PER_SESSION", "versie", version));
        } else if (path.endsWith("/status")) {
            f.putAll(Map.of("status", "PUBLISHED", "versie", version));
        } else if (path.endsWith("/aanmelden")) {
            f.putAll(Map.of("naam", "Deelnemer " + actor, "telefoon", "06" + String.format("%08d", Math.abs(actor.hashCode()) % 100_000_000)));
        } else if (path.startsWith("/beheer/importen")) {
            f.putAll(Map.of("kenmerk", "feed-" + actor.toLowerCase(), "organisatie", "bieb-a", "adres", "https://partner.example/a.csv?key=geheim",
                    "formaat", "csv", "schema", "NIGHTLY"));
        } else if (path.equals("/beheer/organisaties")) {
            f.putAll(Map.of("naam", "Organisatie " + actor));
        } else if (path.equals("/beheer/locaties")) {
            f.putAll(Map.of("naam", "Plek " + actor, "organisatie", "bieb-a", "soort", "PARTNER"));
        } else if (path.equals("/beheer/medewerkers")) {
            f.putAll(Map.of("naam", "Nieuw " + actor, "email", "nieuw-" + actor.toLowerCase() + "@bieb.test", "rol", "EDITOR", "organisaties", "bieb-a"));
        } else if (path.endsWith("/data")) {
            f.putAll(Map.of("versie", version, "datum", LocalDateTime.now().plusDays(30).toLocalDate().toString(), "begintijd", "10:00",
                    "eindtijd", "11:00", "locatie", "vestiging-a", "plaatsen", "50", "herhaling", "geen"));
        } else if (path.endsWith("/data/" + sessionA)) {
            Session s = stack.stack().stores().catalog().offer(offerA.id()).orElseThrow().session(sessionA).orElseThrow();
            f.putAll(Map.of("versie", version, "datum", s.start().toLocalDate().toString(), "begintijd", s.start().toLocalTime().toString(),
                    "eindtijd", s.end().toLocalTime().toString(), "locatie", "vestiging-a", "plaatsen", "50"));
        } else if (path.equals("/beheer/bellijst/gebeld")) {
            f.putAll(Map.of("organisatie", "bieb-a", "bericht", "geen-bericht-" + actor));
        } else if (path.endsWith("/verwijderen") || path.endsWith("/aanwezigheid") || path.endsWith("/aannemen") || path.endsWith("/afwijzen")) {
            f.putAll(Map.of("persoon", "niemand-" + actor));
        } else if (path.equals("/beheer/organisaties/bieb-a")) {
            f.putAll(Map.of("naam", "Bibliotheek A"));
        } else if (path.equals("/beheer/locaties/vestiging-a")) {
            f.putAll(Map.of("naam", "Vestiging A", "organisatie", "bieb-a", "soort", "BRANCH"));
        } else if (path.equals("/beheer/medewerkers/doel")) {
            f.putAll(Map.of("naam", "Doel", "rol", "EDITOR", "organisaties", "bieb-a"));
        } else if (path.equals("/beheer/tokens")) {
            f.putAll(Map.of("naam", "Token " + actor, "rol", "EDITOR", "organisaties", "bieb-a", "dagen", "5"));
        }
        return f;
    }

    static Map<String, int[]> api() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("POST /api/offers", new int[]{401, 201, 403, 201, 401, 401});
        m.put("GET /api/offers/{A}", new int[]{401, 200, 403, 200, 401, 401});
        m.put("PUT /api/offers/{A}", new int[]{401, 200, 403, 200, 401, 401});
        return m;
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheRuleSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, int[]> route : workspace().entrySet()) {
            for (int i = 0; i < ACTORS.size(); i++) {
                String actor = ACTORS.get(i);
                StaffClient browser = copy(browsers.get(actor));
                int status = browser.get(route.getKey().substring(4)).statusCode();
                if (status != route.getValue()[i]) mismatches.add(route.getKey() + " as " + actor + ": " + status + ", expected " + route.getValue()[i]);
            }
        }
        for (Map.Entry<String, int[]> route : workspacePosts().entrySet()) {
            for (int i = 0; i < ACTORS.size(); i++) {
                String actor = ACTORS.get(i);
                StaffClient browser = copy(browsers.get(actor));
                String path = route.getKey().substring(5);
                int status = browser.post(path, formFor(path.replaceAll("\\?.*", ""), actor)).statusCode();
                if (status != route.getValue()[i]) mismatches.add(route.getKey() + " as " + actor + ": " + status + ", expected " + route.getValue()[i]);
            }
        }
        assertTrue(stack.stack().stores().catalog().organisations().stream().noneMatch(o -> o.name().contains("editorA") || o.name().contains("editorB")),
                "denied admin forms wrote nothing");
        assertTrue(stack.stack().stores().staff().byEmail("nieuw-editora@bieb.test").isEmpty());
        int offersOfA = stack.stack().stores().catalog().offersOf("bieb-a").size();
        int created = 0;
        for (Map.Entry<String, int[]> route : api().entrySet()) {
            for (int i = 0; i < ACTORS.size(); i++) {
                String actor = ACTORS.get(i);
                int status = callApi(route.getKey(), tokens.get(actor), actor);
                if (status == 201) created++;
                if (status != route.getValue()[i]) mismatches.add(route.getKey() + " as " + actor + ": " + status + ", expected " + route.getValue()[i]);
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(offersOfA + created, stack.stack().stores().catalog().offersOf("bieb-a").size(), "denied creates wrote nothing");
        String title = stack.stack().stores().catalog().offer(offerA.id()).orElseThrow().title();
        assertTrue(title.endsWith("editorA") || title.endsWith("admin"), "only permitted updates landed: " + title);
        assertTrue(stack.stack().stores().participants().of(offerA.id(), sessionA).stream().noneMatch(p -> p.enrolment().name().contains("editorB")),
                "a denied enrolment took no seat");
        var entries = stack.stack().stores().audit().forRecord("OFFER", offerA.id(), 100);
        assertTrue(entries.stream().anyMatch(e -> e.actorId().startsWith("token:")));
        assertTrue(entries.stream().filter(e -> e.actorId().startsWith("token:")).allMatch(e -> e.actorName().equals("Koppeling A") || e.actorName().equals("Regio"))
                        && entries.stream().filter(e -> e.actorId().startsWith("staff:")).allMatch(e -> e.actorName().equals("Editor A") || e.actorName().equals("Beheerder")),
                "the audit trail names the tokens that changed the offer");
    }

    @Test
    void aSignedOutSessionCannotBeUsedAndSignOutNeedsTheSessionsToken() throws Exception {
        StaffClient browser = new StaffClient(stack);
        browser.signIn("b@bieb.test");
        browser.get("/beheer/aanbod");
        StaffClient attacker = new StaffClient(stack);
        attacker.cookies.putAll(browser.cookies);
        attacker.lastCsrf = "0".repeat(40);
        assertEquals(403, attacker.post("/beheer/uitloggen", Map.of()).statusCode(), "a forged form does not even sign out");
        assertEquals(200, browser.get("/beheer/aanbod").statusCode());
        assertEquals(303, browser.post("/beheer/uitloggen", Map.of()).statusCode());
        StaffClient replay = new StaffClient(stack);
        replay.cookies.putAll(attacker.cookies);
        assertEquals(303, replay.get("/beheer/aanbod").statusCode());
    }

    private static StaffClient copy(StaffClient original) {
        StaffClient copy = new StaffClient(stack);
        copy.cookies.putAll(original.cookies);
        copy.lastCsrf = original.lastCsrf;
        return copy;
    }

    private static int callApi(String route, String token, String actor) throws Exception {
        String[] parts = route.split(" ");
        String path = parts[1].replace("{A}", offerA.id());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(path))).header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        ObjectNode body = JSON.valueToTree(input("Taalcafé A door " + actor));
        if (parts[0].equals("PUT")) {
            // Keep the dates (people hold seats in them by now): only the title changes.
            body = JSON.valueToTree(nl.ontwikkelplein.domain.OfferInputs.from(stack.stack().stores().catalog().offer(offerA.id()).orElseThrow()));
            body.put("title", "Taalcafé A door " + actor);
        }
        switch (parts[0]) {
            case "GET" -> request.GET();
            case "POST" -> request.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            case "PUT" -> request.PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
            default -> throw new IllegalArgumentException(route);
        }
        HttpResponse<String> response = stack.send(request);
        return response.statusCode();
    }
}
