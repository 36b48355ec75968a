package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.FunctionError;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly import as the schedule runs it (template wiring, real handler, the SQLite store),
 * reading a feed from a partner's HTTP server started by the test.
 */
class ImportTest {
    static final String HEADER = "external_id,title,summary,kind,programme_line,themes,target_groups,price_eur,provider,location_name,street,postcode,city,start,end,seats\n";
    static final String DAY = LocalDate.now().plusDays(10).toString();
    static final String FEED = HEADER
            + "P-1,Taalmaatje: kennismaking,Oefen één op één,Bijeenkomst,Basisvaardigheden,taal,anderstaligen,gratis,Taalhuis,Buurthuis De Schakel,Schoolstraat 12,7771 BC,Hardenberg," + DAY + " 10:00," + DAY + " 11:30,6\n"
            + "P-1,,,,,,,,,Buurthuis De Schakel,,,," + DAY + " 14:00," + DAY + " 15:30,6\n"
            + "P-2,Rekenen met geld,,Workshop,Basisvaardigheden,rekenen,volwassenen,\"2,50\",Taalhuis,Online,,,," + DAY + " 19:00," + DAY + " 20:00,\n"
            + "P-3,<b>Inburgering</b> oefenen,,Cursus,BASIC_SKILLS,,,,,Buurthuis De Schakel,,,," + DAY + " 13:00," + DAY + " 15:00,12\n";

    @TempDir
    static Path data;
    static TestStack stack;
    static HttpServer partner;
    static final AtomicReference<String> feed = new AtomicReference<>(FEED);
    static final AtomicInteger status = new AtomicInteger(200);

    @BeforeAll
    static void start() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/aanbod.csv", exchange -> {
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        String url = "http://127.0.0.1:" + partner.getAddress().getPort() + "/aanbod.csv";
        stack = TestStack.start(TestStack.realTemplate(), data, Map.of("ImportFeeds", "taalhuis|" + Fixtures.ORG + "|" + url));
        Fixtures.organisationAndLocation(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
        partner.stop(0);
    }

    private static String runImport() throws FunctionError {
        return String.join("\n", stack.stack().scheduler().runNow("ImportFunction"));
    }

    @Test
    void aSecondRunChangesNothingAndAChangedRowUpdatesOneOffer() throws Exception {
        feed.set(FEED);
        status.set(200);
        String first = runImport();
        assertTrue(first.contains("created=3"), first);
        List<List<Map<String, Object>>> afterFirst = Fixtures.catalogRows(stack);
        assertEquals(4, Fixtures.rows(stack, "sessions").size());

        String second = runImport();
        assertTrue(second.contains("created=0 updated=0 unchanged=3 locationsWritten=0"), second);
        assertEquals(afterFirst, Fixtures.catalogRows(stack));

        feed.set(FEED.replace("Rekenen met geld", "Rekenen met geld en korting"));
        String third = runImport();
        assertTrue(third.contains("created=0 updated=1 unchanged=2"), third);
        assertTrue(Fixtures.rows(stack, "offers").stream().anyMatch(r -> "Rekenen met geld en korting".equals(r.get("title"))));
    }

    @Test
    void badRowsAreLeftOutAndTheRestComesIn() throws Exception {
        feed.set(HEADER
                + "Q-1,Goed aanbod,,Cursus,BASIC_SKILLS,,,,,Bieb Q,,,," + DAY + " 10:00," + DAY + " 11:00,5\n"
                + "Q-2,Eind voor begin,,Cursus,BASIC_SKILLS,,,,,Bieb Q,,,," + DAY + " 10:00," + DAY + " 09:00,5\n"
                + "Q-3,Onbekende soort,,Feest,BASIC_SKILLS,,,,,Bieb Q,,,," + DAY + " 10:00," + DAY + " 11:00,5\n"
                + "Q-4,Kapotte rij\n");
        status.set(200);
        String report = runImport();
        assertTrue(report.contains("rejected=3"), report);
        assertTrue(Fixtures.rows(stack, "offers").stream().anyMatch(r -> "Goed aanbod".equals(r.get("title"))));
    }

    @Test
    void languagesAreReadByNameOrCodeAndAnUnknownOneIsRejected() throws Exception {
        feed.set("external_id,title,kind,programme_line,languages,location_name,start,end\n"
                + "L-1,Taalcafé in twee talen,Bijeenkomst,Basisvaardigheden,Nederlands; arabic,Bieb L," + DAY + " 10:00," + DAY + " 11:00\n"
                + "L-2,Computerhulp,Inloopuur,Basisvaardigheden,uk-UA;NL,Bieb L," + DAY + " 12:00," + DAY + " 13:00\n"
                + "L-3,Zonder taal,Inloopuur,Basisvaardigheden,,Bieb L," + DAY + " 14:00," + DAY + " 15:00\n"
                + "L-4,Onbekende taal,Inloopuur,Basisvaardigheden,Klingon,Bieb L," + DAY + " 16:00," + DAY + " 17:00\n");
        status.set(200);
        String report = runImport();
        assertTrue(report.contains("rejected=1"), report);
        Map<String, Object> twoLanguages = Fixtures.rows(stack, "offers").stream().filter(r -> "Taalcafé in twee talen".equals(r.get("title"))).findFirst().orElseThrow();
        assertEquals("[\"nl\",\"ar\"]", twoLanguages.get("languages"));
        Map<String, Object> locale = Fixtures.rows(stack, "offers").stream().filter(r -> "Computerhulp".equals(r.get("title"))).findFirst().orElseThrow();
        assertEquals("[\"uk\",\"nl\"]", locale.get("languages"));
        Map<String, Object> none = Fixtures.rows(stack, "offers").stream().filter(r -> "Zonder taal".equals(r.get("title"))).findFirst().orElseThrow();
        assertEquals("[\"nl\"]", none.get("languages"));
        assertTrue(Fixtures.rows(stack, "offers").stream().noneMatch(r -> "Onbekende taal".equals(r.get("title"))));
    }

    @Test
    void aNewOfferGetsAReadableAddressThatStaysWhenItsTitleChangesAndAnOldOneKeepsItsOwn() throws Exception {
        Catalog catalog = Fixtures.catalog(stack);
        String row = "R-1,%s,Bijeenkomst,Basisvaardigheden,Bieb R," + DAY + " 10:00," + DAY + " 11:00\n";
        String header = "external_id,title,kind,programme_line,location_name,start,end\n";
        // An offer imported before addresses were readable keeps its id (its page, its links, its enrolments).
        Offer legacy = new Offer(PartnerImport.offerId("taalhuis", "R-0"), Fixtures.ORG, "Oud aanbod", null, null,
                nl.ontwikkelplein.domain.OfferKind.MEETUP, nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS, List.of(), List.of(),
                null, null, null, null, null, new Offer.Source("taalhuis", "R-0", "from-an-older-run"), java.time.Instant.now(), List.of());
        catalog.createOffer(legacy);
        status.set(200);

        feed.set(header + String.format(row, "Oud aanbod").replace("R-1", "R-0") + String.format(row, "Taalcafé <Hardenberg>"));
        String first = runImport();
        assertTrue(first.contains("created=1"), first);
        String id = PartnerImport.newOfferId("Taalcafé <Hardenberg>", "taalhuis", "R-1");
        assertTrue(id.matches("taalcafe-hardenberg-[0-9a-f]{16}"), id);
        assertTrue(catalog.offer(id).isPresent());
        assertTrue(catalog.offer(legacy.id()).isPresent(), "the old offer is found by its feed row, not by a new id");

        feed.set(header + String.format(row, "Oud aanbod").replace("R-1", "R-0") + String.format(row, "Taalcafé in de bibliotheek"));
        String renamed = runImport();
        assertTrue(renamed.contains("created=0 updated=1"), renamed);
        assertEquals("Taalcafé in de bibliotheek", catalog.offer(id).orElseThrow().title(), "a new title, the same address");
        assertTrue(catalog.offersOf(Fixtures.ORG).stream().noneMatch(o -> o.id().equals(PartnerImport.newOfferId("Taalcafé in de bibliotheek", "taalhuis", "R-1"))));

        // Should the readable id be taken by another offer (an editor's here), that offer is never replaced.
        String wanted = PartnerImport.newOfferId("Voorlezen", "taalhuis", "R-2");
        catalog.createOffer(new Offer(wanted, Fixtures.ORG, "Van een redacteur", null, null, nl.ontwikkelplein.domain.OfferKind.MEETUP,
                nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS, List.of(), List.of(), null, null, null, null, null, null, java.time.Instant.now(), List.of()));
        feed.set(header + String.format(row, "Oud aanbod").replace("R-1", "R-0") + String.format(row, "Taalcafé in de bibliotheek")
                + String.format(row, "Voorlezen").replace("R-1", "R-2"));
        String clash = runImport();
        assertTrue(clash.contains("created=1"), clash);
        assertEquals("Van een redacteur", catalog.offer(wanted).orElseThrow().title());
        assertEquals("Voorlezen", catalog.offer(PartnerImport.offerId("taalhuis", "R-2")).orElseThrow().title(), "it gets the old kind of id");
        assertTrue(runImport().contains("created=0 updated=0 unchanged=3"), "and keeps it");
        catalog.removeOfferWithoutEnrolments(catalog.offer(wanted).orElseThrow());
    }

    @Test
    void anUnreachableFeedFailsTheRunAndWritesNothing() {
        List<List<Map<String, Object>>> before = Fixtures.catalogRows(stack);
        status.set(500);
        try {
            assertThrows(FunctionError.class, ImportTest::runImport);
        } finally {
            status.set(200);
        }
        assertEquals(before, Fixtures.catalogRows(stack));
    }

    @Test
    void offersThatLeaveTheFeedAreRemovedOrCalledOffAndOpenAgainWhenListedAgain() throws Exception {
        String withoutEnrolments = "W-1,Weg zonder aanmeldingen,,Workshop,BASIC_SKILLS,,,,,Bieb W,,,," + DAY + " 10:00," + DAY + " 11:00,5\n";
        String withEnrolment = "W-2,Weg met aanmelding,,Workshop,BASIC_SKILLS,,,,,Bieb W,,,," + DAY + " 12:00," + DAY + " 13:00,5\n";
        String staying = "W-3,Blijft,,Workshop,BASIC_SKILLS,,,,,Bieb W,,,," + DAY + " 14:00," + DAY + " 15:00,5\n";
        String gone = PartnerImport.newOfferId("Weg zonder aanmeldingen", "taalhuis", "W-1");
        String enrolled = PartnerImport.newOfferId("Weg met aanmelding", "taalhuis", "W-2");
        Catalog catalog = Fixtures.catalog(stack);

        feed.set(HEADER + withoutEnrolments + withEnrolment + staying);
        runImport();
        Offer w2 = catalog.offer(enrolled).orElseThrow();
        assertEquals(201, stack.post(Fixtures.enrolPath(w2), "application/json", "{\"name\":\"Els\",\"phone\":\"0612345678\"}").statusCode());

        // A feed that was not read completely (a row is cut off) withdraws nothing.
        feed.set(HEADER + staying + "W-4,Kapotte rij\n");
        assertTrue(runImport().contains("complete=false"));
        assertTrue(catalog.offer(gone).isPresent());
        assertEquals(Session.SessionStatus.SCHEDULED, catalog.offer(enrolled).orElseThrow().sessions().get(0).status());

        // Read completely: W-1 (nobody enrolled) is removed, W-2 (one enrolment) stays with its date called off.
        feed.set(HEADER + staying);
        String report = runImport();
        assertTrue(report.contains("cancelled=1"), report);
        assertTrue(catalog.offer(gone).isEmpty());
        assertTrue(Fixtures.rows(stack, "sessions").stream().noneMatch(r -> r.get("offer_id").equals(gone)), "sessions of W-1 left behind");
        Session calledOff = catalog.offer(enrolled).orElseThrow().sessions().get(0);
        assertEquals(Session.SessionStatus.CANCELLED, calledOff.status());
        assertEquals(1, calledOff.taken());
        assertEquals(1, Fixtures.rows(stack, "enrolments").stream().filter(r -> r.get("offer_id").equals(enrolled)).count());

        // A second run changes nothing.
        List<List<Map<String, Object>>> before = Fixtures.catalogRows(stack);
        String again = runImport();
        assertTrue(again.contains("removed=0 cancelled=0"), again);
        assertEquals(before, Fixtures.catalogRows(stack));

        // W-2 listed again: its date is open again, and the seat stays taken.
        feed.set(HEADER + withEnrolment + staying);
        runImport();
        Session reopened = catalog.offer(enrolled).orElseThrow().sessions().get(0);
        assertEquals(Session.SessionStatus.SCHEDULED, reopened.status());
        assertEquals(1, reopened.taken());
    }
}
