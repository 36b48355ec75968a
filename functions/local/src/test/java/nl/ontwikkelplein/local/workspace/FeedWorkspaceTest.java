package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regional admin keeps a partner's feed in the workspace: bad input gets Dutch errors and
 * keeps what was typed, a good form stores the feed with its category mapping; after it ran, the
 * organisation's editor reads the report and the quarantined records, never the URL's key; other
 * editors see nothing of it.
 */
@LocalStackTest
class FeedWorkspaceTest {
    static TestStack stack;
    static HttpServer partner;
    static final String DAY = LocalDate.now().plusDays(9).toString();

    @BeforeAll
    static void data() throws Exception {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-f", "Bibliotheek F", null));
        stores.catalog().saveOrganisation(new Organisation("bieb-g", "Bibliotheek G", null));
        stores.catalog().saveLocation(new Location("vestiging-f", "bieb-f", "Vestiging F", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        Instant now = Instant.now();
        stores.staff().create(new StaffMember("beheer-f", "beheer-f@bieb.test", "Beheer", Role.ADMIN, List.of(), now, null));
        stores.staff().create(new StaffMember("fien", "fien@bieb.test", "Fien", Role.EDITOR, List.of("bieb-f"), now, null));
        stores.staff().create(new StaffMember("gert", "gert@bieb.test", "Gert", Role.EDITOR, List.of("bieb-g"), now, null));
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/aanbod.csv", exchange -> {
            byte[] body = ("external_id,title,kind,programme_line,location_name,start,end\n"
                    + "W-1,Werkcafé,Bijeenkomst,Sollicitatie,Buurthuis," + DAY + " 10:00," + DAY + " 11:00\n"
                    + "W-2,Zonder eind,Bijeenkomst,Sollicitatie,Buurthuis," + DAY + " 10:00,\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
    }

    @AfterAll
    static void stopPartner() {
        partner.stop(0);
    }

    static Map<String, String> form(String id, String url, String rules) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kenmerk", id);
        f.put("organisatie", "bieb-f");
        f.put("adres", url);
        f.put("formaat", "csv");
        f.put("schema", "WEEKLY");
        f.put("categorieen", rules);
        return f;
    }

    @Test
    void theAdminAddsAFeedAndTheEditorReadsWhatItsRunDid() throws Exception {
        StaffClient admin = new StaffClient(stack);
        admin.signIn("beheer-f@bieb.test");
        HttpResponse<String> list = admin.get("/beheer/importen");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Import toevoegen"));

        // Bad input: every field says what to do, what was typed stays (escaped), nothing is stored.
        Map<String, String> bad = form("Werk & Zo!", "ftp://partner.example/<x>", "Sollicitatie = Werken op maandag\nZonder gelijkteken");
        bad.put("formaat", "xml");
        bad.put("schema", "HOURLY");
        HttpResponse<String> refused = admin.post("/beheer/importen", bad);
        assertEquals(400, refused.statusCode());
        for (String field : List.of("kenmerk", "adres", "formaat", "schema", "categorieen"))
            assertTrue(refused.body().contains("href=\"#veld-" + field + "\""), field + " has an error: " + refused.body());
        assertTrue(refused.body().contains("‘Werken op maandag’ is geen programmalijn"), refused.body());
        // In a quoted attribute "<" is escaped and ">" is harmless: jte escapes what can break out.
        assertTrue(refused.body().contains("value=\"ftp://partner.example/&lt;x") && !refused.body().contains("/<x>"), "typed text shown again, escaped");
        assertTrue(stack.stack().stores().feeds().feed("werk-zo").isEmpty());

        String url = "http://127.0.0.1:" + partner.getAddress().getPort() + "/aanbod.csv?key=geheim";
        HttpResponse<String> saved = admin.post("/beheer/importen", form("werkplein", url, "Sollicitatie = Werk en inzetbaarheid; werk\n\nComputer = ; digitale vaardigheden"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/beheer/importen/werkplein?melding=opgeslagen", saved.headers().firstValue("location").orElse(""));
        PartnerFeed feed = stack.stack().stores().feeds().feed("werkplein").orElseThrow();
        assertEquals(PartnerFeed.Schedule.WEEKLY, feed.schedule());
        assertEquals(List.of(new PartnerFeed.CategoryRule("Sollicitatie", ProgrammeLine.WORK, "werk"),
                new PartnerFeed.CategoryRule("Computer", null, "digitale vaardigheden")), feed.categories());
        HttpResponse<String> taken = admin.post("/beheer/importen", form("werkplein", url, ""));
        assertEquals(400, taken.statusCode());
        assertTrue(taken.body().contains("Er is al een import met dit kenmerk."));
        HttpResponse<String> page = admin.get("/beheer/importen/werkplein");
        assertTrue(page.body().contains("Deze import heeft nog niet gedraaid"));
        assertTrue(page.body().contains("Sollicitatie = Werk en inzetbaarheid; werk"), "the mapping as it was typed");

        // A weekly feed: the admin does not wait for Monday night.
        assertTrue(page.body().contains("action=\"/beheer/importen/werkplein/nu\""));
        HttpResponse<String> started = admin.post("/beheer/importen/werkplein/nu", Map.of());
        assertEquals(303, started.statusCode(), started.body());
        assertEquals("/beheer/importen/werkplein?melding=gestart", started.headers().firstValue("location").orElse(""));
        assertTrue(TestStack.await(java.time.Duration.ofSeconds(30), () -> !stack.stack().stores().feeds().runs("werkplein", 1).isEmpty()),
                "the import ran, asked asynchronously");
        assertEquals(1, stack.stack().stores().feeds().runs("werkplein", 1).get(0).report().created());
        assertTrue(stack.stack().stores().audit().forRecord("FEED", "werkplein", 10).stream().anyMatch(e -> e.action().equals("RUN_NOW")));
        assertFalse(admin.get("/beheer/importen/werkplein").body().contains("krimp-bevestigen"), "nothing to confirm after a normal run");

        StaffClient fien = new StaffClient(stack);
        fien.signIn("fien@bieb.test");
        HttpResponse<String> mine = fien.get("/beheer/importen");
        assertTrue(mine.body().contains("werkplein") && mine.body().contains("Gelukt"), mine.body());
        assertFalse(mine.body().contains("Import toevoegen"), "editors do not add feeds");
        HttpResponse<String> report = fien.get("/beheer/importen/werkplein");
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("W-2"), "the quarantined record, with its reason");
        assertTrue(report.body().contains("127.0.0.1") && !report.body().contains("geheim"), "the host, never the key");
        assertFalse(report.body().contains("Import wijzigen"));
        assertEquals(403, fien.post("/beheer/importen/werkplein", form("werkplein", "https://evil.example/", "")).statusCode());
        assertEquals(url, stack.stack().stores().feeds().feed("werkplein").orElseThrow().url(), "unchanged");

        assertEquals(403, fien.post("/beheer/importen/werkplein/nu", Map.of()).statusCode(), "editors read reports; the admin runs feeds");

        // A run that held back (the feed suddenly lists far fewer): the admin sees why, and a button to confirm.
        Instant at = Instant.now();
        stack.stack().stores().feeds().recordRun(nl.ontwikkelplein.domain.FeedRun.of("werkplein", at, at.plusSeconds(2),
                new nl.ontwikkelplein.domain.PartnerImport.Report("werkplein", 0, 0, 2, 0, 0, 0, true, List.of(), true, 2, 9, 0)));
        HttpResponse<String> held = admin.get("/beheer/importen/werkplein");
        assertTrue(held.body().contains("De laatste import noemde 2 van de 9 aanbiedingen"), held.body());
        assertTrue(held.body().contains("action=\"/beheer/importen/werkplein/krimp-bevestigen\""));
        assertTrue(fien.get("/beheer/importen/werkplein").body().contains("Niets ingetrokken"), "the editor sees it held back too");
        HttpResponse<String> confirmed = admin.post("/beheer/importen/werkplein/krimp-bevestigen", Map.of());
        assertEquals("/beheer/importen/werkplein?melding=bevestigd", confirmed.headers().firstValue("location").orElse(""));
        assertTrue(stack.stack().stores().audit().forRecord("FEED", "werkplein", 10).stream().anyMatch(e -> e.action().equals("SHRINK_CONFIRMED")));

        StaffClient gert = new StaffClient(stack);
        gert.signIn("gert@bieb.test");
        assertFalse(gert.get("/beheer/importen").body().contains("werkplein"), "another library's feeds are not listed");
        assertEquals(403, gert.get("/beheer/importen/werkplein").statusCode());
        assertEquals(404, gert.get("/beheer/importen/bestaat-niet").statusCode());
    }

    @Test
    void theAdminEndsAFeedItsOffersLeaveTheSiteAndStaffsOwnStay() throws Exception {
        String url = "http://127.0.0.1:" + partner.getAddress().getPort() + "/aanbod.csv";
        var feeds = stack.stack().stores().feeds();
        var catalog = stack.stack().stores().catalog();
        Instant now = Instant.now();
        feeds.save(new PartnerFeed("afscheid", "bieb-f", url, "csv", PartnerFeed.Schedule.NIGHTLY,
                List.of(new PartnerFeed.CategoryRule("Sollicitatie", ProgrammeLine.WORK, "werk")), now, now));
        StaffClient admin = new StaffClient(stack);
        admin.signIn("beheer-f@bieb.test");
        admin.get("/beheer/importen/afscheid");
        assertEquals("/beheer/importen/afscheid?melding=gestart", admin.post("/beheer/importen/afscheid/nu", Map.of()).headers().firstValue("location").orElse(""));
        assertTrue(TestStack.await(java.time.Duration.ofSeconds(30), () -> !feeds.runs("afscheid", 1).isEmpty()), "the feed ran");
        List<nl.ontwikkelplein.domain.Offer> imported = catalog.offersOf("bieb-f").stream()
                .filter(o -> o.source() != null && o.source().sourceId().equals("afscheid")).toList();
        assertEquals(1, imported.size(), "W-1 (W-2 has no end): " + feeds.runs("afscheid", 1));
        String id = imported.get(0).id();
        assertTrue(TestStack.await(java.time.Duration.ofSeconds(30), () -> pageStatus("/aanbod/" + id + "/") == 200), "its page is online");
        nl.ontwikkelplein.domain.Offer o = imported.get(0);
        nl.ontwikkelplein.domain.Offer kept = new nl.ontwikkelplein.domain.Offer("afscheid-bijgehouden", o.organisationId(), "Door ons bijgehouden", null, null,
                o.kind(), o.programmeLine(), List.of(), List.of(), o.format(), o.price(), null, null, o.enrolmentScope(),
                new nl.ontwikkelplein.domain.Offer.Source("afscheid", "W-9", "hash", true), now, List.of());
        catalog.createOffer(kept);

        StaffClient fien = new StaffClient(stack);
        fien.signIn("fien@bieb.test");
        assertFalse(fien.get("/beheer/importen/afscheid").body().contains("/verwijderen"), "editors do not end feeds");
        assertEquals(403, fien.post("/beheer/importen/afscheid/verwijderen", Map.of()).statusCode());
        assertEquals(403, fien.post("/beheer/importen/afscheid/verwijderen/zeker", Map.of()).statusCode());

        HttpResponse<String> page = admin.get("/beheer/importen/afscheid");
        assertTrue(page.body().contains("action=\"/beheer/importen/afscheid/verwijderen\""), page.body());
        HttpResponse<String> asked = admin.post("/beheer/importen/afscheid/verwijderen", Map.of());
        assertEquals(200, asked.statusCode(), "first what it does");
        assertTrue(asked.body().contains("blijft staan: 1 aanbieding."), asked.body());
        assertTrue(asked.body().contains("nu 1 aanbieding.") && asked.body().contains("action=\"/beheer/importen/afscheid/verwijderen/zeker\""), asked.body());
        assertTrue(feeds.feed("afscheid").isPresent(), "asking removes nothing");

        HttpResponse<String> done = admin.post("/beheer/importen/afscheid/verwijderen/zeker", Map.of());
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/beheer/importen?melding=verwijderd", done.headers().firstValue("location").orElse(""));
        assertTrue(TestStack.await(java.time.Duration.ofSeconds(30), () -> feeds.feed("afscheid").isEmpty()), "the import forgot the feed");
        assertTrue(catalog.offer(id).isEmpty(), "its offer, without enrolments, is gone");
        assertTrue(catalog.offer(kept.id()).isPresent(), "the one staff took over stays");
        assertTrue(feeds.runs("afscheid", 10).isEmpty(), "and its reports");
        assertTrue(TestStack.await(java.time.Duration.ofSeconds(30), () -> pageStatus("/aanbod/" + id + "/") == 404), "its page left the site");
        assertTrue(stack.stack().stores().audit().forRecord("FEED", "afscheid", 10).stream().anyMatch(e -> e.action().equals("REMOVED")));
        assertEquals(404, admin.post("/beheer/importen/afscheid/verwijderen/zeker", Map.of()).statusCode(), "a second click finds nothing");
    }

    private static int pageStatus(String path) {
        try {
            return stack.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void hostileAndOversizedMappingsAreRefusedWithAReason() throws Exception {
        StaffClient admin = new StaffClient(stack);
        admin.signIn("beheer-f@bieb.test");
        admin.get("/beheer/importen");
        String many = "Woord = Basisvaardigheden\n".repeat(101);
        HttpResponse<String> tooMany = admin.post("/beheer/importen", form("veel", "https://partner.example/a.csv", many));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("Gebruik hoogstens 100 regels."));
        HttpResponse<String> script = admin.post("/beheer/importen", form("script", "https://partner.example/a.csv", "<script>x</script> = ; <img src=x>"));
        assertEquals(400, script.statusCode());
        assertTrue(script.body().contains("&lt;img src=x&gt;") && !script.body().contains("<img src=x>"), "escaped in the error and the field");
        HttpResponse<String> userInfo = admin.post("/beheer/importen", form("wachtwoord", "https://user:pw@partner.example/a.csv", ""));
        assertEquals(400, userInfo.statusCode(), "a password in the URL is refused");
        assertTrue(stack.stack().stores().feeds().all().stream().noneMatch(f -> List.of("veel", "script", "wachtwoord").contains(f.id())));
    }
}
