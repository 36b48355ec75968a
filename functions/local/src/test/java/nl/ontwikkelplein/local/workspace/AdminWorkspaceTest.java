package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The regional admin's pages on the real local stack: organisations, locations, staff and API tokens. */
@LocalStackTest
class AdminWorkspaceTest {
    static TestStack stack;

    @BeforeAll
    static void data() {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        Instant now = Instant.now();
        stores.staff().create(new StaffMember("regio", "regio@bieb.test", "Regio Beheer", Role.ADMIN, List.of(), now, null));
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), now, null));
    }

    @Test
    void editorsHaveNoAccessToTheAdminPages() throws Exception {
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        for (String path : List.of("/beheer/organisaties", "/beheer/organisaties/bieb-a", "/beheer/locaties", "/beheer/medewerkers",
                "/beheer/medewerkers/anna", "/beheer/tokens"))
            assertEquals(403, anna.get(path).statusCode(), path);
        anna.get("/beheer/aanbod");
        assertEquals(403, anna.post("/beheer/organisaties", Map.of("naam", "Stiekem")).statusCode());
        assertEquals(403, anna.post("/beheer/medewerkers", Map.of("naam", "X", "email", "x@bieb.test", "rol", "ADMIN")).statusCode());
        assertEquals(403, anna.post("/beheer/tokens", Map.of("naam", "X", "rol", "ADMIN", "dagen", "1")).statusCode());
        assertTrue(stack.stack().stores().catalog().organisations().stream().noneMatch(o -> o.name().equals("Stiekem")));
        assertFalse(anna.get("/beheer/aanbod").body().contains("/beheer/medewerkers"), "no admin links in an editor's menu");
    }

    @Test
    void organisationsAndLocationsAreAddedWithClearErrorsFirst() throws Exception {
        StaffClient admin = new StaffClient(stack);
        admin.signIn("regio@bieb.test");
        assertEquals(200, admin.get("/beheer/organisaties").statusCode());
        HttpResponse<String> empty = admin.post("/beheer/organisaties", Map.of("naam", "", "website", "ftp://x"));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("href=\"#veld-naam\"") && empty.body().contains("href=\"#veld-website\""));
        assertEquals(303, admin.post("/beheer/organisaties", Map.of("naam", "Bibliotheek Ommen", "website", "https://ommen.example")).statusCode());
        assertTrue(stack.stack().stores().catalog().organisations().contains(new Organisation("bibliotheek-ommen", "Bibliotheek Ommen", "https://ommen.example")));
        assertEquals(400, admin.post("/beheer/organisaties", Map.of("naam", "Bibliotheek Ommen", "website", "")).statusCode(), "twice");
        assertEquals(303, admin.post("/beheer/organisaties/bibliotheek-ommen", Map.of("naam", "Bibliotheek Ommen en Dalfsen", "website", "")).statusCode());

        admin.get("/beheer/locaties");
        int before = stack.stack().stores().catalog().locations().size();
        Map<String, String> bad = new LinkedHashMap<>(Map.of("naam", "De Baron", "organisatie", "bieb-a", "soort", "PARTNER", "postcode", "77 ABC",
                "breedtegraad", "99"));
        HttpResponse<String> refused = admin.post("/beheer/locaties", bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("href=\"#veld-postcode\"") && refused.body().contains("href=\"#veld-breedtegraad\""));
        assertTrue(refused.body().contains("value=\"De Baron\""), "typed values kept");
        assertEquals(before, stack.stack().stores().catalog().locations().size());
        String body = "csrf=" + admin.lastCsrf + "&naam=De+Baron&organisatie=bieb-a&soort=PARTNER&straat=Baron+van+Dedemstraat+2&postcode=7772ca"
                + "&plaats=Hardenberg&breedtegraad=52,579&lengtegraad=6.623&toegankelijk=STEP_FREE&toegankelijk=HEARING_LOOP";
        assertEquals(303, admin.postRaw("/beheer/locaties", body).statusCode());
        Location baron = stack.stack().stores().catalog().locations().stream().filter(l -> l.name().equals("De Baron")).findFirst().orElseThrow();
        assertEquals("7772 CA", baron.address().postcode());
        assertEquals(52.579, baron.latitude());
        assertEquals(List.of(Location.Accessibility.STEP_FREE, Location.Accessibility.HEARING_LOOP), baron.accessibility());
        assertTrue(admin.get("/beheer/locaties").body().contains("Drempelvrije ingang, Ringleiding"));
    }

    @Test
    void staffAreInvitedByEmailChangedAndRevokedAtOnce() throws Exception {
        StaffClient admin = new StaffClient(stack);
        admin.signIn("regio@bieb.test");
        admin.get("/beheer/medewerkers");
        HttpResponse<String> noOrg = admin.post("/beheer/medewerkers", Map.of("naam", "Kees", "email", "kees@bieb.test", "rol", "EDITOR"));
        assertEquals(400, noOrg.statusCode());
        assertTrue(noOrg.body().contains("href=\"#veld-organisaties\""));
        assertEquals(400, admin.post("/beheer/medewerkers", Map.of("naam", "Kees", "email", "anna@bieb.test", "rol", "ADMIN")).statusCode(), "address taken");
        assertEquals(303, admin.post("/beheer/medewerkers", Map.of("naam", "Kees", "email", "Kees@Bieb.test", "rol", "EDITOR", "organisaties", "bieb-a")).statusCode());
        assertTrue(StaffClient.mailsTo(stack, "kees@bieb.test").get(0).path("subject").asText().contains("Uitnodiging"));
        StaffMember kees = stack.stack().stores().staff().byEmail("kees@bieb.test").orElseThrow();
        StaffClient keesBrowser = new StaffClient(stack);
        keesBrowser.signIn("kees@bieb.test");
        assertEquals(200, keesBrowser.get("/beheer/aanbod").statusCode());

        admin.get("/beheer/medewerkers/" + kees.id());
        assertEquals(303, admin.post("/beheer/medewerkers/" + kees.id(), Map.of("naam", "Kees de Jong", "rol", "ADMIN")).statusCode());
        assertEquals(Role.ADMIN, stack.stack().stores().staff().byId(kees.id()).orElseThrow().role());
        HttpResponse<String> person = admin.get("/beheer/medewerkers/" + kees.id());
        assertTrue(person.body().contains("Toegang intrekken"));
        assertEquals(303, admin.post("/beheer/medewerkers/" + kees.id() + "/intrekken", Map.of()).statusCode());
        assertTrue(stack.stack().stores().staff().byId(kees.id()).orElseThrow().isRevoked());
        assertEquals(303, keesBrowser.get("/beheer/aanbod").statusCode(), "revoked: signed out at once");

        assertEquals(400, admin.post("/beheer/medewerkers/regio/intrekken", Map.of()).statusCode(), "not yourself");
        HttpResponse<String> mine = admin.get("/beheer/medewerkers/regio");
        assertTrue(mine.body().contains("Medewerker"), "the admin's own changes are listed");
    }

    @Test
    void anApiTokenIsShownOnceWorksAndIsRevoked() throws Exception {
        StaffClient admin = new StaffClient(stack);
        admin.signIn("regio@bieb.test");
        admin.get("/beheer/tokens");
        assertEquals(400, admin.post("/beheer/tokens", Map.of("naam", "Koppeling", "rol", "EDITOR", "organisaties", "bieb-a", "dagen", "0")).statusCode());
        HttpResponse<String> made = admin.post("/beheer/tokens", Map.of("naam", "Koppeling gemeente", "rol", "EDITOR", "organisaties", "bieb-a", "dagen", "30"));
        assertEquals(201, made.statusCode());
        Matcher m = Pattern.compile("<code class=\"op-code\">(op_[A-Za-z0-9_-]+)</code>").matcher(made.body());
        assertTrue(m.find(), made.body());
        String token = m.group(1);
        assertFalse(admin.get("/beheer/tokens").body().contains(token), "shown only once");
        assertEquals(404, api(token), "the token works (the offer does not exist)");
        Matcher revoke = Pattern.compile("action=\"(/beheer/tokens/[0-9a-f]{16}/intrekken)\"").matcher(admin.get("/beheer/tokens").body());
        assertTrue(revoke.find());
        assertEquals(303, admin.post(revoke.group(1), Map.of()).statusCode());
        assertEquals(401, api(token), "revoked: refused at once");
        assertEquals(404, admin.post("/beheer/tokens/..%2F/intrekken", Map.of()).statusCode());
    }

    private static int api(String token) throws Exception {
        return stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/bestaat-niet"))).header("Authorization", "Bearer " + token).GET()).statusCode();
    }
}
