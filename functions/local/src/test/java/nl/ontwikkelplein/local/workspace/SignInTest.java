package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Secrets;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.domain.StaffSession;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in by email on the real local stack: the sign-in mail goes through the SES v2 client to the
 * local outbox, and the link, its nonce cookie, the session cookie and every refusal are checked
 * as a browser meets them.
 */
@LocalStackTest
class SignInTest {
    static TestStack stack;
    static final String ANNA = "anna@hardenberg.bibliotheek.test";

    @BeforeAll
    static void staff() {
        stack.stack().stores().catalog().saveOrganisation(new nl.ontwikkelplein.domain.Organisation("bieb-a", "Bibliotheek A", null));
        stack.stack().stores().staff().create(new StaffMember("anna", ANNA, "Anna de Vries", Role.EDITOR, List.of("bieb-a"), Instant.now(), null));
    }

    @Test
    void aKnownAddressGetsAOneTimeLinkThatOpensASessionInTheBrowserThatAskedForIt() throws Exception {
        StaffClient browser = new StaffClient(stack);
        HttpResponse<String> form = browser.get("/beheer/");
        assertEquals(200, form.statusCode());
        assertEquals("no-store", form.headers().firstValue("cache-control").orElse(""));
        assertTrue(form.body().contains("name=\"email\""));
        String nonceCookie = form.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("__Host-op-aanvraag=")).findFirst().orElseThrow();
        for (String attribute : List.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax")) assertTrue(nonceCookie.contains(attribute), nonceCookie);

        HttpResponse<String> asked = browser.post("/beheer/inloggen", Map.of("email", "  Anna@Hardenberg.Bibliotheek.TEST "));
        assertEquals(303, asked.statusCode(), asked.body());
        assertEquals("/beheer/inloggen/verstuurd", asked.headers().firstValue("location").orElseThrow());
        JsonNode mail = StaffClient.mailsTo(stack, ANNA).get(0);
        assertEquals("Inloggen bij Ontwikkelplein", mail.path("subject").asText());
        assertTrue(mail.path("html").asText().contains("<a href=\""), "an HTML part with the link");
        assertFalse(mail.path("sentAt").asText().isEmpty());
        String link = StaffClient.latestLink(stack, ANNA);
        String code = URI.create(link).getQuery().substring("code=".length());
        assertTrue(code.length() >= 43, "at least 256 bits, base64url");
        assertTrue(stack.stack().stores().signIns().link(code).isEmpty(), "the code itself is not a key: only its hash is stored");
        assertTrue(stack.stack().stores().signIns().link(Secrets.hash(code)).isPresent());

        // A mail scanner fetching the link uses nothing up: the page only shows a button.
        assertEquals(200, browser.get(link).statusCode());
        HttpResponse<String> confirm = browser.get(link);
        assertTrue(confirm.body().contains("<button"), confirm.body());

        HttpResponse<String> signedIn = browser.post("/beheer/inloggen/link", Map.of("code", code));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String sessionCookie = signedIn.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("__Host-op-sessie=")).findFirst().orElseThrow();
        for (String attribute : List.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax")) assertTrue(sessionCookie.contains(attribute), sessionCookie);
        String sessionSecret = browser.cookies.get("__Host-op-sessie");
        assertTrue(stack.stack().stores().signIns().session(Secrets.hash(sessionSecret)).isPresent(), "a server-side session, stored by hash");

        HttpResponse<String> home = browser.get("/beheer/aanbod");
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains("Anna de Vries"));
        assertTrue(home.body().contains("Bibliotheek A"));
        assertEquals(303, browser.get("/beheer/").statusCode(), "signed in, the start page leads to the offer");

        // Used once: the same link again, even in the same browser, no longer works.
        StaffClient again = new StaffClient(stack);
        again.cookies.putAll(browser.cookies);
        again.cookies.remove("__Host-op-sessie");
        assertTrue(again.get(link).body().contains("werkt niet meer"));

        HttpResponse<String> out = browser.post("/beheer/uitloggen", Map.of());
        assertEquals(303, out.statusCode(), out.body());
        assertTrue(stack.stack().stores().signIns().session(Secrets.hash(sessionSecret)).isEmpty(), "signing out ends the session on the server");
        StaffClient stolen = new StaffClient(stack);
        stolen.cookies.put("__Host-op-sessie", sessionSecret);
        HttpResponse<String> afterwards = stolen.get("/beheer/aanbod");
        assertEquals(303, afterwards.statusCode());
        assertTrue(afterwards.headers().firstValue("location").orElseThrow().contains("melding=verlopen"));
    }

    @Test
    void unknownAndKnownAddressesGetTheSameAnswerAndOnlyKnownOnesAMail() throws Exception {
        StaffClient browser = new StaffClient(stack);
        browser.get("/beheer/");
        int before = StaffClient.outbox(stack).size();
        HttpResponse<String> unknown = browser.post("/beheer/inloggen", Map.of("email", "niemand@bibliotheek.test"));
        HttpResponse<String> known = browser.post("/beheer/inloggen", Map.of("email", ANNA));
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.headers().firstValue("location"), unknown.headers().firstValue("location"));
        assertEquals(known.body(), unknown.body());
        assertEquals(before + 1, StaffClient.outbox(stack).size(), "only the known address got a mail");
        assertTrue(StaffClient.mailsTo(stack, "niemand@bibliotheek.test").isEmpty());
    }

    @Test
    void aLinkOpenedInAnotherBrowserDoesNotSignInThereAndStillWorksInTheRightOne() throws Exception {
        StaffClient asker = new StaffClient(stack);
        asker.get("/beheer/");
        asker.post("/beheer/inloggen", Map.of("email", ANNA));
        String link = StaffClient.latestLink(stack, ANNA);
        String code = URI.create(link).getQuery().substring("code=".length());

        StaffClient other = new StaffClient(stack);
        other.get("/beheer/");
        assertTrue(other.get(link).body().contains("dezelfde browser"));
        HttpResponse<String> attempt = other.post("/beheer/inloggen/link", Map.of("code", code));
        assertEquals(400, attempt.statusCode());
        assertFalse(other.cookies.containsKey("__Host-op-sessie"));

        asker.get(link);
        assertEquals(303, asker.post("/beheer/inloggen/link", Map.of("code", code)).statusCode());
        assertTrue(asker.cookies.containsKey("__Host-op-sessie"));
    }

    @Test
    void aCrossSitePostOrAMissingTokenIsRefusedAndSendsNothing() throws Exception {
        StaffClient browser = new StaffClient(stack);
        browser.get("/beheer/");
        int before = StaffClient.outbox(stack).size();
        browser.origin = "https://kwaadwillend.example";
        HttpResponse<String> crossSite = browser.post("/beheer/inloggen", Map.of("email", ANNA));
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("Dit formulier is verlopen"));
        browser.origin = null; // no Origin and no Sec-Fetch-Site: not provably same-origin
        assertEquals(403, browser.post("/beheer/inloggen", Map.of("email", ANNA)).statusCode());
        browser.origin = stack.stack().baseUrl();
        assertEquals(403, browser.postRaw("/beheer/inloggen", StaffClient.form(Map.of("email", ANNA))).statusCode(), "no CSRF token");
        assertEquals(403, browser.postRaw("/beheer/inloggen", StaffClient.form(Map.of("email", ANNA, "csrf", "0".repeat(40)))).statusCode());
        assertEquals(before, StaffClient.outbox(stack).size());
    }

    @Test
    void badInputGetsTheFormAgainWithAClearErrorAndHostileTextEscaped() throws Exception {
        StaffClient browser = new StaffClient(stack);
        browser.get("/beheer/");
        HttpResponse<String> empty = browser.post("/beheer/inloggen", Map.of("email", ""));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Er is een probleem"));
        assertTrue(empty.body().contains("href=\"#veld-email\""), "the summary links to the field");
        HttpResponse<String> hostile = browser.post("/beheer/inloggen", Map.of("email", "\"><script>alert(1)</script>"));
        assertEquals(400, hostile.statusCode());
        assertTrue(hostile.body().contains("Vul een e-mailadres in zoals"));
        assertFalse(hostile.body().contains("<script>alert(1)</script>"));
        assertTrue(hostile.body().contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), hostile.body());
        HttpResponse<String> huge = browser.postRaw("/beheer/inloggen", "csrf=" + browser.lastCsrf + "&email=" + "a".repeat(70_000));
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().contains("te groot"));
        HttpResponse<String> broken = browser.postRaw("/beheer/inloggen", "csrf=" + browser.lastCsrf + "&email=%E0%A4%A");
        assertEquals(400, broken.statusCode());
        assertEquals(400, browser.get("/beheer/inloggen/link?code=%3Cscript%3E").statusCode());
    }

    @Test
    void aLinkOlderThanFifteenMinutesNoLongerSignsIn() throws Exception {
        StaffClient browser = new StaffClient(stack);
        browser.get("/beheer/");
        String nonce = browser.cookies.get("__Host-op-aanvraag");
        String code = Secrets.newSecret();
        Instant asked = Instant.now().minus(Duration.ofMinutes(16));
        stack.stack().stores().signIns().saveLink(new nl.ontwikkelplein.domain.SignInLink(Secrets.hash(code), "anna", Secrets.hash(nonce),
                asked, asked.plus(nl.ontwikkelplein.domain.StaffSignIn.LINK_VALIDITY)));
        assertTrue(browser.get("/beheer/inloggen/link?code=" + code).body().contains("werkt niet meer"));
        HttpResponse<String> attempt = browser.post("/beheer/inloggen/link", Map.of("code", code));
        assertEquals(400, attempt.statusCode());
        assertFalse(browser.cookies.containsKey("__Host-op-sessie"));
    }

    @Test
    void theAdminCommandsLinkOpensTheFormFilledIn() throws Exception {
        HttpResponse<String> form = new StaffClient(stack).get("/beheer/?email=coordinator%40bibliotheek.nl");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("value=\"coordinator@bibliotheek.nl\""), form.body());
    }

    @Test
    void requestsAreLimitedPerAddress() throws Exception {
        String bert = "bert@hardenberg.bibliotheek.test";
        stack.stack().stores().staff().create(new StaffMember("bert", bert, "Bert", Role.EDITOR, List.of("bieb-a"), Instant.now(), null));
        StaffClient browser = new StaffClient(stack);
        browser.get("/beheer/");
        for (int i = 0; i < nl.ontwikkelplein.domain.StaffSignIn.PER_ADDRESS; i++)
            assertEquals(303, browser.post("/beheer/inloggen", Map.of("email", bert)).statusCode());
        HttpResponse<String> limited = browser.post("/beheer/inloggen", Map.of("email", bert));
        assertEquals(429, limited.statusCode());
        assertTrue(limited.body().contains("Wacht een kwartier"));
        assertEquals(nl.ontwikkelplein.domain.StaffSignIn.PER_ADDRESS, StaffClient.mailsTo(stack, bert).size());
    }

    @Test
    void anExpiredSessionOrARevokedAccountSignsOut() throws Exception {
        String secret = Secrets.newSecret();
        Instant past = Instant.now().minus(Duration.ofHours(9));
        stack.stack().stores().signIns().saveSession(new StaffSession(Secrets.hash(secret), "anna", past, past, past.plus(Duration.ofHours(8))));
        StaffClient idle = new StaffClient(stack);
        idle.cookies.put("__Host-op-sessie", secret);
        HttpResponse<String> expired = idle.get("/beheer/aanbod");
        assertEquals(303, expired.statusCode());
        assertTrue(expired.headers().firstValue("location").orElseThrow().endsWith("melding=verlopen"));
        assertFalse(idle.cookies.containsKey("__Host-op-sessie"), "the stale cookie is removed");

        String carla = "carla@hardenberg.bibliotheek.test";
        StaffMember account = new StaffMember("carla", carla, "Carla", Role.EDITOR, List.of("bieb-a"), Instant.now(), null);
        stack.stack().stores().staff().create(account);
        StaffClient browser = new StaffClient(stack);
        browser.signIn(carla);
        assertEquals(200, browser.get("/beheer/aanbod").statusCode());
        stack.stack().stores().staff().update(account.revoked(Instant.now()));
        assertEquals(303, browser.get("/beheer/aanbod").statusCode(), "revoked: the session stops at once");
        StaffClient later = new StaffClient(stack);
        later.get("/beheer/");
        int before = StaffClient.mailsTo(stack, carla).size();
        assertEquals(303, later.post("/beheer/inloggen", Map.of("email", carla)).statusCode(), "same answer as for anyone");
        assertEquals(before, StaffClient.mailsTo(stack, carla).size(), "but no new link");
        assertNotEquals(null, browser.cookies);
    }
}
