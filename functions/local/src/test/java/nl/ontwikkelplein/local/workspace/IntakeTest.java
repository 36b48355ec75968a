package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Intake first on the real local stack: enrolling becomes a request, the library calls for the
 * intake and accepts or declines in the workspace; a request holds a seat or not, per offer.
 */
@LocalStackTest
class IntakeTest {
    static TestStack stack;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void data() {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), Instant.now(), null));
    }

    static Offer offer(String title, String intake, int seats) {
        LocalDateTime later = LocalDateTime.now().plusDays(9).truncatedTo(ChronoUnit.HOURS).withHour(13);
        return new OfferService(stack.stack().stores().catalog(), Clock.systemUTC()).create(new OfferInput("bieb-a", title, null, null, "COURSE",
                "BASIC_SKILLS", List.of(), List.of(), null, 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, later.toString(), later.plusHours(2).toString(), "vestiging-a", seats, null)), null, null, intake));
    }

    static JsonNode enrol(Offer o, String name, String phone) throws Exception {
        HttpResponse<String> r = stack.post("/api/offers/" + o.id() + "/sessions/" + o.sessions().get(0).id() + "/enrolments", "application/json",
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}");
        JsonNode body = JSON.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("httpStatus", r.statusCode());
        return body;
    }

    static String status(String link) throws Exception {
        return JSON.readTree(stack.send(HttpRequest.newBuilder(URI.create(stack.url(link))).header("Accept", "application/json").GET()).body())
                .path("status").asText();
    }

    static int taken(Offer o) {
        return stack.stack().stores().catalog().offer(o.id()).orElseThrow().sessions().get(0).taken();
    }

    static String keyOf(String html, String button, String name) {
        Matcher m = Pattern.compile("name=\"persoon\" value=\"([^\"]+)\">\\s*<button[^>]*>" + Pattern.quote(button) + "<span class=\"op-visually-hidden\">: "
                + Pattern.quote(name)).matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void aRequestHoldingASeatIsAcceptedOrDeclinedAfterTheIntakeAndTheNextInLineGetsARequest() throws Exception {
        Offer digisterker = offer("Digisterker", "WITH_SEAT", 1);
        JsonNode samira = enrol(digisterker, "Samira", "0612500001");
        assertEquals(201, samira.path("httpStatus").asInt());
        assertEquals("REQUESTED", samira.path("outcome").asText());
        assertTrue(samira.path("message").asText().contains("kennismakingsgesprek"));
        assertEquals("REQUESTED", status(samira.path("manageUrl").asText()));
        assertEquals(1, taken(digisterker), "the request keeps the seat");
        JsonNode piet = enrol(digisterker, "Piet", "0612500002");
        assertEquals("WAITLISTED", piet.path("outcome").asText());

        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        String base = "/beheer/aanbod/" + digisterker.id() + "/data/" + digisterker.sessions().get(0).id() + "/deelnemers";
        String list = anna.get(base).body();
        assertTrue(list.contains("Aanvragen") && list.contains("Samira"), list);
        HttpResponse<String> declined = anna.post(base + "/afwijzen", Map.of("persoon", keyOf(list, "Afwijzen", "Samira")));
        assertEquals(303, declined.statusCode());
        assertEquals("CANCELLED", status(samira.path("manageUrl").asText()));
        assertEquals("REQUESTED", status(piet.path("manageUrl").asText()), "the seat went to the next in line, as a request: intake first");
        assertEquals(1, taken(digisterker));

        list = anna.get(base).body();
        HttpResponse<String> accepted = anna.post(base + "/aannemen", Map.of("persoon", keyOf(list, "Aannemen", "Piet")));
        assertTrue(accepted.headers().firstValue("location").orElse("").endsWith("melding=aangenomen"));
        assertEquals("ENROLLED", status(piet.path("manageUrl").asText()));
        assertEquals(1, taken(digisterker));
    }

    @Test
    void aRequestWithoutASeatTakesOneWhenAcceptedAndNotWhenFull() throws Exception {
        Offer route = offer("Taalhuis-traject", "WITHOUT_SEAT", 1);
        JsonNode a = enrol(route, "Ahmed", "0612500011"), b = enrol(route, "Bea", "0612500012");
        assertEquals("REQUESTED", a.path("outcome").asText());
        assertEquals("REQUESTED", b.path("outcome").asText(), "requests come in while the date is 'full' of nothing");
        assertEquals(0, taken(route));
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        String base = "/beheer/aanbod/" + route.id() + "/data/" + route.sessions().get(0).id() + "/deelnemers";
        String list = anna.get(base).body();
        anna.post(base + "/aannemen", Map.of("persoon", keyOf(list, "Aannemen", "Ahmed")));
        assertEquals(1, taken(route));
        HttpResponse<String> full = anna.post(base + "/aannemen", Map.of("persoon", keyOf(anna.get(base).body(), "Aannemen", "Bea")));
        assertTrue(full.headers().firstValue("location").orElse("").endsWith("melding=geen-plaats"));
        assertEquals("REQUESTED", status(b.path("manageUrl").asText()));
        assertTrue(anna.get(base + "?melding=geen-plaats").body().contains("Er is geen plaats meer vrij"));
    }

    @Test
    void badDecisionsAndBadTicksAreRefusedClearlyAndChangeNothing() throws Exception {
        Offer o = offer("Intake zonder plaats", "WITHOUT_SEAT", 1);
        JsonNode a = enrol(o, "Hanna", "0612500031");
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        String base = "/beheer/aanbod/" + o.id() + "/data/" + o.sessions().get(0).id() + "/deelnemers";
        anna.get(base);
        for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("persoon", ""), Map.of("persoon", "x".repeat(500)))) {
            assertEquals(400, anna.post(base + "/aannemen", bad).statusCode(), bad.toString());
            assertEquals(400, anna.post(base + "/afwijzen", bad).statusCode(), bad.toString());
        }
        assertTrue(anna.post(base + "/aannemen", Map.of("persoon", "niemand")).headers().firstValue("location").orElse("").endsWith("melding=al"),
                "no such request: nothing happens");
        assertEquals("REQUESTED", status(a.path("manageUrl").asText()));
        assertEquals(0, taken(o));
        for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("organisatie", "bieb-a", "bericht", ""),
                Map.of("organisatie", "bieb-a", "bericht", "x".repeat(500)), Map.of("organisatie", "<script>", "bericht", "k")))
            assertTrue(List.of(400, 403).contains(anna.post("/beheer/bellijst/gebeld", bad).statusCode()), bad.toString());
    }

    @Test
    void theRequestPageSaysWhatHappensNext() throws Exception {
        Offer o = offer("Klik & Tik intake", "WITH_SEAT", 3);
        HttpResponse<String> page = stack.post("/api/offers/" + o.id() + "/sessions/" + o.sessions().get(0).id() + "/enrolments",
                "application/x-www-form-urlencoded", "name=Fenna&phone=0612500021");
        assertEquals(201, page.statusCode());
        assertTrue(page.body().contains("Uw aanvraag is ontvangen"), page.body());
        assertTrue(page.body().contains("De bibliotheek belt u om een afspraak te maken."));
    }
}
