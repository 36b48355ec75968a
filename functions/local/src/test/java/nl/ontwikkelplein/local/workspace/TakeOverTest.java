package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported offer that staff edit in the workspace is theirs from then on: the nightly import
 * neither overwrites nor withdraws it, the overview says so, and handing it back lets the feed
 * set it again. On the real local stack with a partner's CSV feed served over HTTP.
 */
class TakeOverTest {
    static final String ORG = "bieb-import";
    static final String DAY = LocalDate.now().plusDays(12).toString();
    static final String HEADER = "external_id,title,kind,programme_line,location_name,start,end,seats\n";

    static String feed(String firstTitle, String secondTitle) {
        return HEADER
                + (firstTitle == null ? "" : "T-1," + firstTitle + ",Workshop,Basisvaardigheden,Buurthuis Oost," + DAY + " 10:00," + DAY + " 12:00,10\n")
                + "T-2," + secondTitle + ",Bijeenkomst,Basisvaardigheden,Buurthuis Oost," + DAY + " 14:00," + DAY + " 15:00,\n";
    }

    static final AtomicReference<String> served = new AtomicReference<>(feed("Klik en Tik", "Taalcafé"));

    @TempDir
    static Path data;
    static TestStack stack;
    static HttpServer partner;

    @BeforeAll
    static void start() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/aanbod.csv", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        stack = TestStack.start(TestStack.realTemplate(), data,
                Map.of("ImportFeeds", "partner|" + ORG + "|http://127.0.0.1:" + partner.getAddress().getPort() + "/aanbod.csv|csv"));
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation(ORG, "Bibliotheek Import", null));
        stores.catalog().saveOrganisation(new Organisation("bieb-anders", "Bibliotheek Anders", null));
        stores.catalog().saveLocation(new Location("vestiging-import", ORG, "Vestiging Import", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        Instant now = Instant.now();
        stores.staff().create(new StaffMember("imke", "imke@bieb.test", "Imke", Role.EDITOR, List.of(ORG), now, null));
        stores.staff().create(new StaffMember("ander", "ander@bieb.test", "Ander", Role.EDITOR, List.of("bieb-anders"), now, null));
    }

    @AfterAll
    static void stop() {
        stack.close();
        partner.stop(0);
    }

    static String runImport() throws Exception {
        return String.join("\n", stack.stack().scheduler().runNow("ImportFunction"));
    }

    static Catalog catalog() {
        return stack.stack().stores().catalog();
    }

    static Map<String, String> editFields(String title, String version) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("titel", title);
        f.put("soort", "WORKSHOP");
        f.put("programmalijn", "BASIC_SKILLS");
        f.put("vorm", "IN_PERSON");
        f.put("prijs", "0");
        f.put("aanmelden", "PER_SESSION");
        f.put("versie", version);
        return f;
    }

    @Test
    void anEditedImportIsKeptByStaffUntilHandedBack() throws Exception {
        String first = runImport();
        assertTrue(first.contains("source=partner created=2"), first);
        String one = PartnerImport.newOfferId("Klik en Tik", "partner", "T-1");
        String two = PartnerImport.newOfferId("Taalcafé", "partner", "T-2");
        String onePath = "/beheer/aanbod/" + one;

        StaffClient imke = new StaffClient(stack);
        imke.signIn("imke@bieb.test");
        HttpResponse<String> overview = imke.get(onePath);
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("Geïmporteerd uit partner (de import houdt het bij)"), overview.body());
        assertTrue(overview.body().contains("action=\"" + onePath + "/overnemen\""));
        assertTrue(overview.body().contains("Overnemen van de import"));

        // Imke improves the title: that edit takes the offer over.
        String version = OfferWorkspaceTest.version(imke.get(onePath + "/bewerken").body());
        HttpResponse<String> saved = imke.post(onePath + "/bewerken", editFields("Klik & Tik: de eerste stap", version));
        assertEquals(303, saved.statusCode(), saved.body());
        Offer edited = catalog().offer(one).orElseThrow();
        assertTrue(edited.source().takenOver());
        assertEquals("T-1", edited.source().externalId());
        overview = imke.get(onePath);
        assertTrue(overview.body().contains("Geïmporteerd uit partner (overgenomen)"), overview.body());
        assertTrue(overview.body().contains("Teruggeven aan de import"));

        // The partner changes both offers that night: Imke's edit stands, the other follows the feed.
        served.set(feed("Klik en Tik (nieuw)", "Taalcafé op dinsdag"));
        String second = runImport();
        assertTrue(second.contains("source=partner created=0 updated=1 unchanged=0") && second.contains("keptByStaff=1"), second);
        assertEquals("Klik & Tik: de eerste stap", catalog().offer(one).orElseThrow().title());
        assertEquals("Taalcafé op dinsdag", catalog().offer(two).orElseThrow().title());
        assertEquals(1, catalog().offersOf(ORG).stream().filter(o -> o.source() != null && o.source().externalId().equals("T-1")).count(),
                "the feed never makes a second copy of a taken-over offer");

        // The partner stops offering it: still Imke's, still online.
        served.set(feed(null, "Taalcafé op dinsdag"));
        String third = runImport();
        assertTrue(third.contains("removed=0 cancelled=0") && third.contains("keptByStaff=1"), third);
        assertEquals(OfferStatus.PUBLISHED, catalog().offer(one).orElseThrow().status());

        // An editor of another library may neither see it nor hand it back.
        StaffClient other = new StaffClient(stack);
        other.signIn("ander@bieb.test");
        other.get("/beheer/aanbod");
        assertEquals(403, other.get(onePath).statusCode());
        assertEquals(403, other.post(onePath + "/teruggeven", Map.of()).statusCode());
        assertTrue(catalog().offer(one).orElseThrow().source().takenOver());

        // Imke hands it back while the partner lists it again: the next import sets the partner's version.
        served.set(feed("Klik en Tik (nieuw)", "Taalcafé op dinsdag"));
        HttpResponse<String> back = imke.post(onePath + "/teruggeven", Map.of());
        assertEquals(303, back.statusCode(), back.body());
        assertEquals(onePath + "?melding=teruggegeven", back.headers().firstValue("location").orElse(""));
        assertFalse(catalog().offer(one).orElseThrow().source().takenOver());
        String fourth = runImport();
        assertTrue(fourth.contains("source=partner created=0 updated=1 unchanged=1") && !fourth.contains("keptByStaff"), fourth);
        assertEquals("Klik en Tik (nieuw)", catalog().offer(one).orElseThrow().title());

        // Taking over without an edit: the button alone, in the audit trail.
        HttpResponse<String> taken = imke.post("/beheer/aanbod/" + two + "/overnemen", Map.of());
        assertEquals(303, taken.statusCode(), taken.body());
        HttpResponse<String> after = imke.get("/beheer/aanbod/" + two + "?melding=overgenomen");
        assertTrue(after.body().contains("U hebt het aanbod overgenomen."), after.body());
        assertTrue(stack.stack().stores().audit().forRecord("OFFER", two, 10).stream()
                .anyMatch(e -> e.action().equals("TAKEN_OVER") && e.actorName().equals("Imke")), "the audit trail says who took it over");
        assertTrue(stack.stack().stores().audit().forRecord("OFFER", one, 10).stream().anyMatch(e -> e.action().equals("HANDED_BACK")));
        served.set(feed("Klik en Tik (nieuw)", "Taalcafé op woensdag"));
        String fifth = runImport();
        assertTrue(fifth.contains("unchanged=1") && fifth.contains("keptByStaff=1"), fifth);
        assertEquals("Taalcafé op dinsdag", catalog().offer(two).orElseThrow().title());
    }

    @Test
    void anEditOfAnOfferThatRunsInAPeriodKeepsThePeriodAndTheUnknownPrice() throws Exception {
        java.time.LocalDate start = LocalDate.now().minusDays(10), end = LocalDate.now().plusMonths(4);
        Offer roc = new Offer("roc-b1-periode", ORG, "Nederlands B1", null, null, nl.ontwikkelplein.domain.OfferKind.COURSE,
                nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS, List.of(), List.of(), null, nl.ontwikkelplein.domain.Price.UNKNOWN, "ROC", null, null,
                new Offer.Source("roc", "B1", "hash"), Instant.now(), List.of(), null, null, List.of("nl"), new Offer.Period(start, end, "vestiging-import"));
        catalog().createOffer(roc);
        StaffClient imke = new StaffClient(stack);
        imke.signIn("imke@bieb.test");
        String path = "/beheer/aanbod/" + roc.id();
        HttpResponse<String> overview = imke.get(path);
        assertTrue(overview.body().contains("Dagen, tijden en aanmelden: bij de aanbieder."), overview.body());
        HttpResponse<String> form = imke.get(path + "/bewerken");
        assertTrue(form.body().contains("name=\"prijs\"") && !form.body().matches("(?s).*name=\"prijs\"[^>]*value=\"0\".*"), "an unknown price is not shown as 0");
        Map<String, String> fields = editFields("Nederlands B1 in Hardenberg", OfferWorkspaceTest.version(form.body()));
        fields.put("soort", "COURSE");
        fields.put("prijs", "");
        HttpResponse<String> saved = imke.post(path + "/bewerken", fields);
        assertEquals(303, saved.statusCode(), saved.body());
        Offer edited = catalog().offer(roc.id()).orElseThrow();
        assertEquals("Nederlands B1 in Hardenberg", edited.title());
        assertEquals(roc.period(), edited.period(), "the form keeps the period");
        assertEquals(nl.ontwikkelplein.domain.Price.UNKNOWN, edited.price(), "an empty price of an imported offer stays unknown");
        assertTrue(edited.source().takenOver());

        // A copy for next season: no period (nor dates), the price still unknown rather than free, and said so.
        imke.get(path);
        HttpResponse<String> copied = imke.post(path + "/kopie", Map.of());
        assertEquals(303, copied.statusCode(), copied.body());
        String copyPath = copied.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        Offer copy = catalog().offer(copyPath.substring(copyPath.lastIndexOf('/') + 1)).orElseThrow(() -> new AssertionError(copyPath));
        assertEquals(null, copy.period());
        assertEquals(nl.ontwikkelplein.domain.Price.UNKNOWN, copy.price());
        assertEquals(null, copy.source());
        assertTrue(imke.get(copyPath).body().contains("De prijs is niet bekend."));
        HttpResponse<String> copyForm = imke.get(copyPath + "/bewerken");
        Map<String, String> again = editFields("Nederlands B1, volgend jaar", OfferWorkspaceTest.version(copyForm.body()));
        again.put("soort", "COURSE");
        again.put("prijs", "");
        assertEquals(303, imke.post(copyPath + "/bewerken", again).statusCode());
        assertEquals(nl.ontwikkelplein.domain.Price.UNKNOWN, catalog().offer(copy.id()).orElseThrow().price(), "an empty field keeps it unknown, never free");

        // Imke adds the real dates: they replace the period.
        HttpResponse<String> datesForm = imke.get(path + "/data");
        Map<String, String> date = new LinkedHashMap<>(Map.of("versie", OfferWorkspaceTest.version(datesForm.body()), "datum", LocalDate.now().plusDays(20).toString(),
                "begintijd", "09:00", "eindtijd", "11:00", "locatie", "vestiging-import", "plaatsen", "12", "herhaling", "geen"));
        HttpResponse<String> added = imke.post(path + "/data", date);
        assertEquals(303, added.statusCode(), added.body());
        Offer dated = catalog().offer(roc.id()).orElseThrow();
        assertEquals(null, dated.period());
        assertEquals(1, dated.sessions().size());
    }

    @Test
    void anOfferMadeHereHasNoImportButtons() throws Exception {
        StaffClient imke = new StaffClient(stack);
        imke.signIn("imke@bieb.test");
        imke.get("/beheer/aanbod/nieuw?organisatie=" + ORG);
        HttpResponse<String> created = imke.post("/beheer/aanbod/nieuw?organisatie=" + ORG, Map.of("titel", "Eigen aanbod", "soort", "WORKSHOP",
                "programmalijn", "BASIC_SKILLS", "vorm", "IN_PERSON", "prijs", "0", "aanmelden", "PER_SESSION"));
        assertEquals(303, created.statusCode(), created.body());
        String path = created.headers().firstValue("location").orElseThrow().replaceAll("\\?.*", "");
        HttpResponse<String> overview = imke.get(path);
        assertFalse(overview.body().contains("Uit een import"));
        HttpResponse<String> refused = imke.post(path + "/overnemen", Map.of());
        assertEquals(303, refused.statusCode(), "nothing to take over: back to the overview");
        assertTrue(catalog().offer(path.substring("/beheer/aanbod/".length())).orElseThrow().source() == null);
    }
}
