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
import nl.ontwikkelplein.local.FunctionError;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The nightly import as the schedule runs it (template wiring, real handler, DynamoDB Local),
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
        List<Map<String, AttributeValue>> afterFirst = Fixtures.scan(stack, "CatalogTable");
        long sessions = afterFirst.stream().filter(i -> i.get("sk").s().startsWith("SESSION#")).count();
        assertEquals(4, sessions);

        String second = runImport();
        assertTrue(second.contains("created=0 updated=0 unchanged=3 locationsWritten=0"), second);
        assertEquals(afterFirst, Fixtures.scan(stack, "CatalogTable"));

        feed.set(FEED.replace("Rekenen met geld", "Rekenen met geld en korting"));
        String third = runImport();
        assertTrue(third.contains("created=0 updated=1 unchanged=2"), third);
        assertTrue(Fixtures.scan(stack, "CatalogTable").stream()
                .anyMatch(i -> i.containsKey("title") && i.get("title").s().equals("Rekenen met geld en korting")));
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
        assertTrue(Fixtures.scan(stack, "CatalogTable").stream()
                .anyMatch(i -> i.containsKey("title") && i.get("title").s().equals("Goed aanbod")));
    }

    @Test
    void anUnreachableFeedFailsTheRunAndWritesNothing() {
        List<Map<String, AttributeValue>> before = Fixtures.scan(stack, "CatalogTable");
        status.set(500);
        try {
            assertThrows(FunctionError.class, ImportTest::runImport);
        } finally {
            status.set(200);
        }
        assertEquals(before, Fixtures.scan(stack, "CatalogTable"));
    }
}
