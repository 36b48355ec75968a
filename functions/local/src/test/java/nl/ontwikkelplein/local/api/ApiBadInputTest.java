package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every endpoint, through the real front and handlers: each is answered with a 4xx
 * and a message that says what to change, and no table changes.
 */
@LocalStackTest
class ApiBadInputTest {
    static TestStack stack;
    static String admin;
    static String otherEditor;
    static Offer offer;
    List<List<Map<String, Object>>> catalogBefore;
    List<Map<String, Object>> enrolmentsBefore;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.organisationAndLocation(stack);
        admin = Fixtures.token(stack, Role.ADMIN, List.of());
        otherEditor = Fixtures.token(stack, Role.EDITOR, List.of(Fixtures.OTHER_ORG));
        offer = Fixtures.offer(stack, "Klik & Tik", 5, 3);
    }

    @BeforeEach
    void snapshot() {
        catalogBefore = List.of(Fixtures.rows(stack, "offers"), Fixtures.rows(stack, "sessions"));
        enrolmentsBefore = Fixtures.rows(stack, "enrolments");
    }

    @AfterEach
    void nothingWasWritten() {
        assertEquals(catalogBefore, List.of(Fixtures.rows(stack, "offers"), Fixtures.rows(stack, "sessions")));
        assertEquals(enrolmentsBefore, Fixtures.rows(stack, "enrolments"));
    }

    static final String VALID_OFFER = """
            {"organisationId":"bibliotheek-test","title":"Taalcafé","kind":"MEETUP","programmeLine":"BASIC_SKILLS",
             "sessions":[{"start":"2030-01-07T19:00","end":"2030-01-07T20:30","locationId":"test-vestiging"}]}""";

    static Stream<Arguments> badEditorRequests() {
        String big = "{\"organisationId\":\"bibliotheek-test\",\"title\":\"" + "x".repeat(300_000) + "\"}";
        String deep = "[".repeat(5000) + "]".repeat(5000);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"title\": ", 400, "not valid JSON"),
                Arguments.of("not an object", "[1,2]", 400, "wrong type"),
                Arguments.of("null", "null", 400, "JSON object"),
                Arguments.of("empty", "", 400, "JSON object"),
                Arguments.of("trailing garbage", VALID_OFFER + " {}", 400, "nothing after it"),
                Arguments.of("deep nesting", deep, 400, "\"error\""),
                Arguments.of("unknown field", "{\"titel\":\"x\"}", 400, "Unknown field 'titel'"),
                Arguments.of("wrong type", VALID_OFFER.replace("\"title\":\"Taalcafé\"", "\"title\":\"Taalcafé\",\"priceCents\":\"gratis\""), 400, "priceCents"),
                Arguments.of("seats as text", VALID_OFFER.replace("\"locationId\"", "\"seats\":\"tien\",\"locationId\""), 400, "seats"),
                Arguments.of("missing title", VALID_OFFER.replace("\"title\":\"Taalcafé\",", ""), 400, "title"),
                Arguments.of("unknown kind", VALID_OFFER.replace("MEETUP", "PARTY"), 400, "kind"),
                Arguments.of("unknown language", VALID_OFFER.replace("\"kind\"", "\"languages\":[\"nl\",\"klingon\"],\"kind\""), 400, "Deze taal kennen we niet: klingon"),
                Arguments.of("languages not a list", VALID_OFFER.replace("\"kind\"", "\"languages\":{\"nl\":1},\"kind\""), 400, "languages"),
                Arguments.of("too many languages", VALID_OFFER.replace("\"kind\"", "\"languages\":[\"nl\",\"en\",\"ar\",\"tr\",\"pl\",\"uk\",\"de\"],\"kind\""), 400, "hoogstens 6 talen"),
                Arguments.of("end before start", VALID_OFFER.replace("20:30", "18:00"), 400, "sessions[0].end"),
                Arguments.of("bad date", VALID_OFFER.replace("2030-01-07T19:00", "7 januari"), 400, "sessions[0].start"),
                Arguments.of("unknown location", VALID_OFFER.replace("test-vestiging", "nergens"), 400, "sessions[0].locationId"),
                Arguments.of("unknown organisation", VALID_OFFER.replace("bibliotheek-test", "bibliotheek-nergens"), 400, "organisationId"),
                Arguments.of("control characters", VALID_OFFER.replace("Taalcafé", "Taal\\u0000café"), 400, "stuurtekens"),
                Arguments.of("a period and sessions", VALID_OFFER.replace("\"kind\"", "\"period\":{\"start\":\"2030-01-01\",\"end\":\"2030-03-01\"},\"kind\""), 400,
                        "niet allebei"),
                Arguments.of("a period backwards", VALID_OFFER.replaceAll(",\\s*\"sessions\":.*}", "}").replace("\"kind\"",
                        "\"period\":{\"start\":\"2030-03-01\",\"end\":\"2030-01-01\"},\"kind\""), 400, "period.end"),
                Arguments.of("a period without days", VALID_OFFER.replaceAll(",\\s*\"sessions\":.*}", "}").replace("\"kind\"",
                        "\"period\":{\"start\":\"maandag\",\"end\":20300101},\"kind\""), 400, "period.end"),
                Arguments.of("a period on no day", VALID_OFFER.replaceAll(",\\s*\"sessions\":.*}", "}").replace("\"kind\"",
                        "\"period\":{\"start\":\"maandag\",\"end\":\"2030-01-01\"},\"kind\""), 400, "Vul een datum in, zoals 2026-09-07."),
                Arguments.of("a period of ten years", VALID_OFFER.replaceAll(",\\s*\"sessions\":.*}", "}").replace("\"kind\"",
                        "\"period\":{\"start\":\"2030-01-01\",\"end\":\"2040-01-01\"},\"kind\""), 400, "hoogstens twee jaar"),
                Arguments.of("a period somewhere unknown", VALID_OFFER.replaceAll(",\\s*\"sessions\":.*}", "}").replace("\"kind\"",
                        "\"period\":{\"start\":\"2030-01-01\",\"end\":\"2030-02-01\",\"locationId\":\"nergens\"},\"kind\""), 400, "period.locationId"),
                Arguments.of("a price below -1", VALID_OFFER.replace("\"kind\"", "\"priceCents\":-5,\"kind\""), 400, "priceCents"),
                Arguments.of("oversized", big, 413, "larger than"));
    }

    @ParameterizedTest(name = "POST /api/offers: {0}")
    @MethodSource("badEditorRequests")
    void badOffersAreRefusedClearly(String what, String body, int status, String message) throws Exception {
        HttpResponse<String> r = editor("POST", "/api/offers", admin, "application/json", body);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(message), r.body());
        assertTrue(r.body().contains("\"message\""), r.body());
    }

    @ParameterizedTest(name = "PUT /api/offers/id: {0}")
    @MethodSource("badEditorRequests")
    void badUpdatesAreRefusedClearly(String what, String body, int status, String message) throws Exception {
        HttpResponse<String> r = editor("PUT", "/api/offers/" + offer.id(), admin, "application/json", body);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(message), r.body());
    }

    @Test
    void editorEndpointsNeedAValidToken() throws Exception {
        for (String token : new String[] {null, "", "op_" + "A".repeat(43), "nonsense", "Basic dXNlcjpwYXNz"}) {
            String header = token == null ? null : (token.startsWith("Basic") ? token : "Bearer " + token);
            assertEquals(401, send("POST", "/api/offers", header, "application/json", VALID_OFFER).statusCode());
            assertEquals(401, send("GET", "/api/offers/" + offer.id(), header, null, null).statusCode());
            assertEquals(401, send("PUT", "/api/offers/" + offer.id(), header, "application/json", VALID_OFFER).statusCode());
        }
    }

    @Test
    void editorsOnlyChangeTheirOwnOrganisation() throws Exception {
        assertEquals(403, editor("POST", "/api/offers", otherEditor, "application/json", VALID_OFFER).statusCode());
        assertEquals(403, editor("PUT", "/api/offers/" + offer.id(), otherEditor, "application/json", VALID_OFFER).statusCode());
        assertEquals(403, editor("GET", "/api/offers/" + offer.id(), otherEditor, null, null).statusCode());
    }

    @Test
    void wrongContentTypeAndUnknownOffers() throws Exception {
        assertEquals(415, editor("POST", "/api/offers", admin, "text/plain", VALID_OFFER).statusCode());
        assertEquals(404, editor("GET", "/api/offers/bestaat-niet", admin, null, null).statusCode());
        assertEquals(404, editor("PUT", "/api/offers/bestaat-niet", admin, "application/json", VALID_OFFER).statusCode());
        assertEquals(404, editor("GET", "/api/offers/..%2F..%2Fetc", admin, null, null).statusCode());
    }

    static Stream<Arguments> badEnrolments() {
        return Stream.of(
                Arguments.of("application/json", "{\"name\":", 400, "not valid JSON"),
                Arguments.of("application/json", "{\"name\":\"A\"}", 400, "telefoonnummer"),
                Arguments.of("application/json", "{\"phone\":\"0612345678\"}", 400, "naam"),
                Arguments.of("application/json", "{\"name\":42,\"phone\":\"0612345678\"}", 400, "name"),
                Arguments.of("application/json", "{\"name\":\"A\",\"phone\":\"0612345678\",\"mail\":\"a@b.nl\"}", 400, "Unknown field"),
                Arguments.of("application/json", "{\"name\":\"A\",\"phone\":\"0612345678\",\"email\":\"geen adres\"}", 400, "e-mailadres klopt niet"),
                Arguments.of("application/json", "{\"name\":\"A\",\"phone\":\"0612345678\",\"email\":\"a@b.nl\\r\\nBcc: x@y.nl\"}", 400, "e-mailadres klopt niet"),
                Arguments.of("application/json", "{\"name\":\"A\",\"phone\":\"0612345678\",\"textMessages\":\"ja\"}", 400, "textMessages"),
                Arguments.of("application/x-www-form-urlencoded", "name=A&phone=0612345678&email=%3Cscript%3E", 400, "e-mailadres klopt niet"),
                Arguments.of("application/json", "{\"name\":\"" + "A".repeat(200) + "\",\"phone\":\"0612345678\"}", 400, "te lang"),
                Arguments.of("application/json", "{\"name\":\"A\",\"phone\":\"bel maar\"}", 400, "telefoonnummer"),
                Arguments.of("application/json", "{\"name\":\"" + "A".repeat(10_000) + "\"}", 413, "larger than"),
                Arguments.of("text/plain", "name=A&phone=0612345678", 415, "application/json"),
                Arguments.of("application/x-www-form-urlencoded", "name=A&phone=0612345678&website=http%3A%2F%2Fspam", 400, "niet gelukt"),
                Arguments.of("application/x-www-form-urlencoded", "name=&phone=", 400, "Vul uw naam in"),
                Arguments.of("application/x-www-form-urlencoded", "name=%ZZ&phone=1", 400, "niet gelukt"),
                Arguments.of("application/x-www-form-urlencoded", "name=" + "A".repeat(10_000), 413, "te veel tekst"));
    }

    @ParameterizedTest(name = "enrol {0}: {1}")
    @MethodSource("badEnrolments")
    void badEnrolmentsAreRefusedClearly(String type, String body, int status, String message) throws Exception {
        HttpResponse<String> r = stack.post(Fixtures.enrolPath(offer), type, body);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(message), r.body());
    }

    @Test
    void theFormWithErrorsKeepsWhatWasTypedAndEscapesIt() throws Exception {
        HttpResponse<String> r = stack.post(Fixtures.enrolPath(offer), "application/x-www-form-urlencoded",
                "name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&phone=12");
        assertEquals(400, r.statusCode());
        // jte escapes '<', '&' and quotes inside attribute values: the typed text comes back inert.
        assertTrue(r.body().contains("value=\"&lt;script>alert(1)&lt;/script>\""), r.body());
        assertTrue(!r.body().contains("<script>alert(1)"), r.body());
        assertTrue(r.body().contains("telefoonnummer"), r.body());
    }

    private static HttpResponse<String> editor(String method, String path, String token, String type, String body) throws Exception {
        return send(method, path, "Bearer " + token, type, body);
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        if (type != null) b.header("Content-Type", type);
        return stack.send(b);
    }
}
