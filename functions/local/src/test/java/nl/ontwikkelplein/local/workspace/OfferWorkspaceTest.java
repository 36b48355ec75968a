package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An editor's offer, end to end on the real local stack: a draft with bad input first, then a
 * weekly series with a skipped date, publishing (the public page follows through the stream), a
 * date called off with a reason, a colleague's change that is not overwritten, a copy, the
 * preview, and the refusals around it.
 */
@LocalStackTest
class OfferWorkspaceTest {
    static TestStack stack;
    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-yyyy");

    @BeforeAll
    static void data() {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveOrganisation(new Organisation("bieb-b", "Bibliotheek B", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        Instant now = Instant.now();
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), now, null));
        stores.staff().create(new StaffMember("joke", "joke@bieb.test", "Joke", Role.EDITOR, List.of("bieb-a"), now, null));
        stores.staff().create(new StaffMember("bert", "bert@bieb.test", "Bert", Role.EDITOR, List.of("bieb-b"), now, null));
    }

    static Map<String, String> offerFields(String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("titel", title);
        f.put("samenvatting", "Leer werken met de computer.");
        f.put("beschrijving", "Neem uw telefoon mee.");
        f.put("soort", "COURSE");
        f.put("programmalijn", "BASIC_SKILLS");
        f.put("vorm", "IN_PERSON");
        f.put("prijs", "0");
        f.put("aanmelden", "PER_SESSION");
        return f;
    }

    static String version(String html) {
        Matcher m = Pattern.compile("name=\"versie\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the form carries the version it was read at");
        return m.group(1);
    }

    @Test
    void anEditorPreparesPublishesAndCallsOffADateWithoutLosingAColleaguesWork() throws Exception {
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        HttpResponse<String> list = anna.get("/beheer/aanbod");
        assertTrue(list.body().contains("/beheer/aanbod/nieuw?organisatie=bieb-a"), "a button for a new offer");

        // Bad input: the form again, with errors linked to their fields and what was typed; nothing written.
        anna.get("/beheer/aanbod/nieuw?organisatie=bieb-a");
        int before = stack.stack().stores().catalog().offersOf("bieb-a").size();
        Map<String, String> bad = offerFields("");
        bad.put("prijs", "gratis?");
        bad.put("beschrijving", "<script>alert(1)</script>");
        HttpResponse<String> refused = anna.post("/beheer/aanbod/nieuw?organisatie=bieb-a", bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("href=\"#veld-prijs\""), refused.body());
        assertTrue(refused.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), "typed text shown again, escaped");
        assertEquals(before, stack.stack().stores().catalog().offersOf("bieb-a").size());
        bad.put("prijs", "0");
        HttpResponse<String> noTitle = anna.post("/beheer/aanbod/nieuw?organisatie=bieb-a", bad);
        assertEquals(400, noTitle.statusCode());
        assertTrue(noTitle.body().contains("href=\"#veld-titel\""));

        // A draft: no public page.
        HttpResponse<String> created = anna.post("/beheer/aanbod/nieuw?organisatie=bieb-a", offerFields("Digitaal Café"));
        assertEquals(303, created.statusCode(), created.body());
        String offerPath = created.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        String id = offerPath.substring("/beheer/aanbod/".length());
        assertEquals(OfferStatus.DRAFT, offer(id).status());
        HttpResponse<String> overview = anna.get(offerPath + "?melding=aangemaakt");
        assertTrue(overview.body().contains("Concept"));
        assertTrue(overview.body().contains("Er is nog geen datum in de toekomst."), "completeness hints");

        // A weekly series of 6 Tuesdays, skipping the third.
        LocalDate first = LocalDate.now().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        anna.get(offerPath + "/data");
        Map<String, String> series = new LinkedHashMap<>();
        series.put("versie", version(anna.get(offerPath + "/data").body()));
        series.put("datum", DUTCH.format(first));
        series.put("begintijd", "10:00");
        series.put("eindtijd", "12:00");
        series.put("locatie", "vestiging-a");
        series.put("plaatsen", "8");
        series.put("herhaling", "week");
        series.put("aantal", "6");
        series.put("overslaan", DUTCH.format(first.plusWeeks(2)));
        HttpResponse<String> added = anna.post(offerPath + "/data", series);
        assertEquals(303, added.statusCode(), added.body());
        List<Session> sessions = offer(id).sessions();
        assertEquals(5, sessions.size());
        assertFalse(sessions.stream().anyMatch(s -> s.start().toLocalDate().equals(first.plusWeeks(2))));

        // Publish: the public page follows within seconds.
        HttpResponse<String> published = anna.post(offerPath + "/status", Map.of("status", "PUBLISHED", "versie", version(anna.get(offerPath).body())));
        assertEquals(303, published.statusCode(), published.body());
        assertEquals(OfferStatus.PUBLISHED, offer(id).status());
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> page("/aanbod/" + id + "/").contains("Digitaal Café")), "the public page appears");

        // Call off one date with a reason: the public page says why.
        Session second = offer(id).sessions().get(1);
        String dateForm = anna.get(offerPath + "/data/" + second.id()).body();
        Map<String, String> cancel = new LinkedHashMap<>();
        cancel.put("versie", version(dateForm));
        cancel.put("datum", second.start().toLocalDate().toString());
        cancel.put("begintijd", "10:00");
        cancel.put("eindtijd", "12:00");
        cancel.put("locatie", "vestiging-a");
        cancel.put("plaatsen", "8");
        cancel.put("afzeggen", "ja");
        HttpResponse<String> noReason = anna.post(offerPath + "/data/" + second.id(), cancel);
        assertEquals(400, noReason.statusCode(), "calling off needs a reason");
        cancel.put("reden", "De docent is ziek.");
        assertEquals(303, anna.post(offerPath + "/data/" + second.id(), cancel).statusCode());
        assertTrue(offer(id).session(second.id()).orElseThrow().isCancelled());
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> page("/aanbod/" + id + "/").contains("Gaat niet door: De docent is ziek.")));

        // Anna opens the form; Joke saves first; Anna's save does not overwrite Joke's change.
        String annasVersion = version(anna.get(offerPath + "/bewerken").body());
        StaffClient joke = new StaffClient(stack);
        joke.signIn("joke@bieb.test");
        Map<String, String> jokes = offerFields("Digitaal Café voor iedereen");
        jokes.put("versie", version(joke.get(offerPath + "/bewerken").body()));
        assertEquals(303, joke.post(offerPath + "/bewerken", jokes).statusCode());
        Map<String, String> annas = offerFields("Digitaal Café (nieuw)");
        annas.put("versie", annasVersion);
        HttpResponse<String> clash = anna.post(offerPath + "/bewerken", annas);
        assertEquals(409, clash.statusCode());
        assertTrue(clash.body().contains("Een collega heeft dit aanbod intussen gewijzigd"));
        assertTrue(clash.body().contains("Joke wijzigde de titel"), clash.body());
        assertTrue(clash.body().contains("value=\"Digitaal Café (nieuw)\""), "what Anna typed is kept in the form");
        assertEquals("Digitaal Café voor iedereen", offer(id).title(), "Joke's change stands");
        annas.put("versie", version(clash.body()));
        assertEquals(303, anna.post(offerPath + "/bewerken", annas).statusCode(), "saved again on top of Joke's version");
        assertEquals("Digitaal Café (nieuw)", offer(id).title());

        // Preview and copy.
        HttpResponse<String> preview = anna.get(offerPath + "/voorbeeld");
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("Digitaal Café (nieuw)"));
        HttpResponse<String> copied = anna.post(offerPath + "/kopie", Map.of());
        assertEquals(303, copied.statusCode());
        String copyId = copied.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "").substring("/beheer/aanbod/".length());
        Offer copy = offer(copyId);
        assertEquals(OfferStatus.DRAFT, copy.status());
        assertEquals("Digitaal Café (nieuw)", copy.title());
        assertTrue(copy.sessions().isEmpty(), "a copy for a new season starts without dates");

        // The audit trail has who did what, with field names only.
        List<String> actions = stack.stack().stores().audit().forRecord("OFFER", id, 20).stream().map(e -> e.actorName() + " " + e.action()).toList();
        assertTrue(actions.containsAll(List.of("Anna CREATED", "Anna DATES_ADDED", "Anna PUBLISHED", "Anna DATE_CANCELLED", "Joke CHANGED", "Anna CHANGED")), actions.toString());
    }

    @Test
    void anotherLibrarysEditorAndACrossSitePostChangeNothing() throws Exception {
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        anna.get("/beheer/aanbod/nieuw?organisatie=bieb-a");
        String path = anna.post("/beheer/aanbod/nieuw?organisatie=bieb-a", offerFields("Taalcafé")).headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        String id = path.substring("/beheer/aanbod/".length());
        String version = version(anna.get(path).body());

        StaffClient bert = new StaffClient(stack);
        bert.signIn("bert@bieb.test");
        assertEquals(403, bert.get(path).statusCode());
        assertEquals(403, bert.get(path + "/voorbeeld").statusCode());
        assertEquals(403, bert.get("/beheer/aanbod/nieuw?organisatie=bieb-a").statusCode());
        bert.get("/beheer/aanbod");
        assertEquals(403, bert.post(path + "/status", Map.of("status", "PUBLISHED", "versie", version)).statusCode());
        assertEquals(403, bert.post("/beheer/aanbod/nieuw?organisatie=bieb-a", offerFields("Indringer")).statusCode());

        anna.origin = "https://kwaadwillend.example";
        assertEquals(403, anna.post(path + "/status", Map.of("status", "PUBLISHED", "versie", version)).statusCode());
        anna.origin = stack.stack().baseUrl();
        assertEquals(409, anna.post(path + "/status", Map.of("status", "PUBLISHED", "versie", "2020-01-01T00:00:00Z")).statusCode(), "an old version");
        assertEquals(400, anna.post(path + "/status", Map.of("status", "WEG", "versie", version)).statusCode());
        assertEquals(OfferStatus.DRAFT, offer(id).status());
        assertTrue(stack.stack().stores().catalog().offersOf("bieb-a").stream().noneMatch(o -> o.title().equals("Indringer")));
        assertEquals(404, anna.get("/beheer/aanbod/bestaat-niet").statusCode());
        assertEquals(404, anna.get("/beheer/aanbod/..%2F..%2Fetc").statusCode());
    }

    @Test
    void anEditorSaysWhichLanguageAnOfferIsInAndAnUnknownOneIsRefusedClearly() throws Exception {
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        String form = anna.get("/beheer/aanbod/nieuw?organisatie=bieb-a").body();
        assertTrue(form.matches("(?s).*<input[^>]*name=\"taal\"[^>]*value=\"nl\"[^>]*checked.*"), "Dutch is ticked for a new offer");
        assertTrue(form.contains("value=\"uk\""), "and other languages can be chosen");

        int before = stack.stack().stores().catalog().offersOf("bieb-a").size();
        Map<String, String> unknown = offerFields("Taalcafé Klingon");
        unknown.put("taal", "<b>klingon</b>");
        HttpResponse<String> refused = anna.post("/beheer/aanbod/nieuw?organisatie=bieb-a", unknown);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("href=\"#veld-taal\""), refused.body());
        assertTrue(refused.body().contains("&lt;b&gt;klingon&lt;/b&gt;"), "the typed value is shown, escaped");
        assertEquals(before, stack.stack().stores().catalog().offersOf("bieb-a").size(), "nothing written");

        Map<String, String> ukrainian = offerFields("Digihulp in het Oekraïens");
        ukrainian.put("taal", "uk");
        HttpResponse<String> created = anna.post("/beheer/aanbod/nieuw?organisatie=bieb-a", ukrainian);
        assertEquals(303, created.statusCode(), created.body());
        String path = created.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        assertEquals(java.util.List.of("uk"), offer(path.substring("/beheer/aanbod/".length())).languages());
        assertTrue(anna.get(path).body().contains("Oekraïens"), "the overview names it");
        assertTrue(anna.get(path + "/bewerken").body().matches("(?s).*<input[^>]*name=\"taal\"[^>]*value=\"uk\"[^>]*checked.*"),
                "the edit form shows what was chosen");
    }

    private static Offer offer(String id) {
        return stack.stack().stores().catalog().offer(id).orElseThrow();
    }

    private static String page(String path) {
        try {
            HttpResponse<String> r = stack.get(path);
            return r.statusCode() == 200 ? r.body() : "";
        } catch (Exception e) {
            return "";
        }
    }
}
