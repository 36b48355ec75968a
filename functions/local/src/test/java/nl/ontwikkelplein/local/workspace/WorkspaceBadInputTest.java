package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed, oversized and hostile input to the signed-in forms: each answers with the form again
 * (or a Dutch message page) and writes nothing.
 */
@LocalStackTest
class WorkspaceBadInputTest {
    static TestStack stack;
    static Offer offer;
    static StaffClient admin;

    @BeforeAll
    static void data() throws Exception {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        LocalDateTime start = LocalDateTime.now().plusDays(4).truncatedTo(ChronoUnit.HOURS);
        offer = new OfferService(stores.catalog(), Clock.systemUTC()).create(new OfferInput("bieb-a", "Taalcafé", null, null, "MEETUP",
                "BASIC_SKILLS", List.of(), List.of(), null, 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.toString(), start.plusHours(1).toString(), "vestiging-a", 10, null))));
        stores.staff().create(new StaffMember("regio", "regio@bieb.test", "Regio", Role.ADMIN, List.of(), Instant.now(), null));
        admin = new StaffClient(stack);
        admin.signIn("regio@bieb.test");
        admin.get("/beheer/aanbod");
    }

    static String version() {
        return stack.stack().stores().catalog().offer(offer.id()).orElseThrow().updatedAt().toString();
    }

    static Offer stored() {
        return stack.stack().stores().catalog().offer(offer.id()).orElseThrow();
    }

    @Test
    void aBadSeriesShowsEachProblemAtItsFieldAndAddsNoDate() throws Exception {
        String path = "/beheer/aanbod/" + offer.id() + "/data";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("versie", version());
        f.put("datum", "31-2-2026");
        f.put("begintijd", "25:00");
        f.put("eindtijd", "<b>");
        f.put("locatie", "bestaat-niet");
        f.put("plaatsen", "-3");
        f.put("herhaling", "week");
        f.put("aantal", "9999");
        HttpResponse<String> r = admin.post(path, f);
        assertEquals(400, r.statusCode());
        for (String field : List.of("datum", "begintijd", "eindtijd", "plaatsen")) assertTrue(r.body().contains("href=\"#veld-" + field + "\""), field);
        assertTrue(r.body().contains("value=\"&lt;b>\""), "typed text shown again, escaped");
        f.put("datum", "8-12-2030");
        f.put("begintijd", "10:00");
        f.put("eindtijd", "11:00");
        f.put("plaatsen", "5");
        f.put("aantal", "3");
        HttpResponse<String> unknownPlace = admin.post(path, f);
        assertEquals(400, unknownPlace.statusCode());
        assertTrue(unknownPlace.body().contains("href=\"#veld-locatie\""), "a place that does not exist");
        assertEquals(1, stored().sessions().size(), "nothing added");
    }

    @Test
    void aBadDateChangeKeepsTheDate() throws Exception {
        String path = "/beheer/aanbod/" + offer.id() + "/data/" + offer.sessions().get(0).id();
        Map<String, String> f = new LinkedHashMap<>(Map.of("versie", version(), "datum", "gisteren", "begintijd", "10:00", "eindtijd", "09:00",
                "locatie", "vestiging-a", "plaatsen", "10"));
        assertEquals(400, admin.post(path, f).statusCode());
        f.put("datum", stored().sessions().get(0).start().toLocalDate().toString());
        f.put("eindtijd", "23:00");
        f.put("afzeggen", "ja");
        f.put("reden", "x".repeat(201));
        HttpResponse<String> tooLong = admin.post(path, f);
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("hoogstens 200"), tooLong.body());
        assertEquals(offer.sessions().get(0), stored().sessions().get(0).withTaken(0), "the date is as it was");
        assertEquals(404, admin.get("/beheer/aanbod/" + offer.id() + "/data/bestaat-niet").statusCode());
    }

    @Test
    void oversizedMalformedOrNonFormBodiesAreRefusedWithADutchPage() throws Exception {
        String path = "/beheer/aanbod/" + offer.id() + "/bewerken";
        String before = stored().title();
        HttpResponse<String> huge = admin.postRaw(path, "csrf=" + admin.lastCsrf + "&versie=" + version() + "&titel=" + "a".repeat(70_000));
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().contains("te groot"));
        HttpResponse<String> many = admin.postRaw(path, "csrf=" + admin.lastCsrf + "&x=1".repeat(500));
        assertEquals(413, many.statusCode());
        HttpResponse<String> broken = admin.postRaw(path, "csrf=" + admin.lastCsrf + "&titel=%ZZ");
        assertEquals(400, broken.statusCode());
        HttpResponse<String> json = stack.send(HttpRequest.newBuilder(URI.create(stack.url(path)))
                .header("Cookie", "__Host-op-sessie=" + admin.cookies.get("__Host-op-sessie")).header("Origin", stack.stack().baseUrl())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"titel\":\"x\"}")));
        assertEquals(415, json.statusCode(), "a JSON body is not a form");
        assertTrue(json.body().contains("Het formulier is niet goed verstuurd"));
        assertEquals(before, stored().title());
    }

    @Test
    void hostileTextInAdminFormsIsStoredAsTextAndShownEscaped() throws Exception {
        admin.get("/beheer/organisaties");
        assertEquals(303, admin.post("/beheer/organisaties", Map.of("naam", "<img src=x onerror=alert(1)>", "website", "")).statusCode());
        HttpResponse<String> list = admin.get("/beheer/organisaties");
        assertFalse(list.body().contains("<img src=x"));
        assertTrue(list.body().contains("&lt;img src=x onerror=alert(1)&gt;") || list.body().contains("&lt;img src=x onerror=alert(1)>"), "shown as text");
        assertEquals(400, admin.post("/beheer/organisaties", Map.of("naam", "Bieb", "website", "javascript:alert(1)")).statusCode());
        assertEquals(400, admin.post("/beheer/medewerkers", Map.of("naam", "X", "email", "a@b.nl\r\nBcc: c@d.nl", "rol", "ADMIN")).statusCode(),
                "no header injection through the address");
        assertEquals(400, admin.post("/beheer/tokens", Map.of("naam", "T", "rol", "GOD", "dagen", "5")).statusCode());
    }
}
