package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An iCalendar feed (IMPORT_FEEDS entry with format {@code ical}) through the nightly import as
 * the schedule runs it, next to a broken one: the calendar's offers go online, a second run
 * changes nothing, and the broken feed stops nothing.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class IcalImportTest {
    static final String DAY = LocalDate.now().plusDays(8).format(DateTimeFormatter.BASIC_ISO_DATE);
    static final String CALENDAR = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "X-WR-TIMEZONE:Europe/Amsterdam",
            "BEGIN:VEVENT", "UID:taalcafe-1@google.com", "SUMMARY:Taalcafé <met koffie>", "DESCRIPTION:Samen Nederlands praten.",
            "DTSTART;TZID=Europe/Amsterdam:" + DAY + "T100000", "DTEND;TZID=Europe/Amsterdam:" + DAY + "T120000", "RRULE:FREQ=WEEKLY;COUNT=3",
            "LOCATION:Bibliotheek Gramsbergen\\, Voorstraat 1\\, 7783 AA Gramsbergen", "CATEGORIES:Inloopuur,Basisvaardigheden,taal", "END:VEVENT",
            "BEGIN:VEVENT", "UID:geheim@google.com", "CLASS:PRIVATE", "SUMMARY:Overleg", "DTSTART:" + DAY + "T090000Z", "DTEND:" + DAY + "T100000Z",
            "LOCATION:Kantoor", "END:VEVENT",
            "END:VCALENDAR", "");
    static final AtomicReference<String> calendar = new AtomicReference<>(CALENDAR);
    static final AtomicReference<String> shrinking = new AtomicReference<>(events(0));

    /** A calendar with {@code n} one-off events, 9 days from now. */
    static String events(int n) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        String day = LocalDate.now().plusDays(9).format(DateTimeFormatter.BASIC_ISO_DATE);
        for (int i = 1; i <= n; i++)
            b.append("BEGIN:VEVENT\r\nUID:krimp-").append(i).append("\r\nSUMMARY:Krimp ").append(i).append("\r\nDTSTART;TZID=Europe/Amsterdam:").append(day)
                    .append("T1").append(i % 10).append("0000\r\nDURATION:PT45M\r\nLOCATION:Bibliotheek Krimpen\r\nEND:VEVENT\r\n");
        return b.append("END:VCALENDAR\r\n").toString();
    }

    @TempDir
    static Path data;
    static TestStack stack;
    static HttpServer partner;

    @BeforeAll
    static void start() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/agenda.ics", exchange -> send(exchange, calendar.get()));
        partner.createContext("/krimp.ics", exchange -> send(exchange, shrinking.get()));
        partner.createContext("/kapot.ics", exchange -> send(exchange, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + "BEGIN:VALARM\r\n".repeat(50)));
        partner.start();
        String base = "http://127.0.0.1:" + partner.getAddress().getPort();
        stack = TestStack.start(TestStack.realTemplate(), data, Map.of("ImportFeeds",
                "kapot|" + Fixtures.ORG + "|" + base + "/kapot.ics|ical," + "agenda|" + Fixtures.ORG + "|" + base + "/agenda.ics|ical,"
                + "krimp|" + Fixtures.ORG + "|" + base + "/krimp.ics|ical"));
        Fixtures.organisationAndLocation(stack);
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        stack.close();
        partner.stop(0);
    }

    private static String runImport() throws Exception {
        return String.join("\n", stack.stack().scheduler().runNow("ImportFunction"));
    }

    @Test
    @org.junit.jupiter.api.Order(1) // it counts the agenda feed's first offer
    void aCalendarsEventsBecomeOffersOnTheSiteASecondRunChangesNothingAndABrokenCalendarStopsNothing() throws Exception {
        String first = runImport();
        assertTrue(first.contains("source=kapot created=0") && first.contains("rejected=1 complete=false"), first);
        assertTrue(first.matches("(?s).*source=agenda created=1 updated=0 unchanged=0 locationsWritten=1 removed=0 cancelled=0 rejected=1(?![0-9 ]).*"),
                "the private event is left out: " + first);

        String id = PartnerImport.newOfferId("Taalcafé <met koffie>", "agenda", "taalcafe-1@google.com");
        Offer offer = Fixtures.catalog(stack).offer(id).orElseThrow();
        assertEquals(3, offer.sessions().size());
        assertEquals(List.of(10, 10, 10), offer.sessions().stream().map(s -> s.start().getHour()).toList());
        assertEquals(nl.ontwikkelplein.domain.OfferKind.DROP_IN, offer.kind());
        assertEquals(List.of("taal"), offer.themes());
        assertEquals(nl.ontwikkelplein.domain.Price.UNKNOWN, offer.price(), "a calendar says nothing of the price: not free, but unknown");
        assertTrue(Fixtures.catalog(stack).offersOf(Fixtures.ORG).stream().noneMatch(o -> o.title().equals("Overleg")), "private events never come in");

        assertTrue(TestStack.await(Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> page = stack.get("/aanbod/" + id + "/");
                return page.statusCode() == 200 && page.body().contains("Taalcafé &lt;met koffie&gt;") && page.body().contains("Bibliotheek Gramsbergen")
                        && page.body().contains("Vraag het aan de aanbieder") && !page.body().contains("Gratis");
            } catch (Exception e) {
                return false;
            }
        }), "its page is online, the title escaped");

        List<List<Map<String, Object>>> before = Fixtures.catalogRows(stack);
        String second = runImport();
        assertTrue(second.contains("source=agenda created=0 updated=0 unchanged=1 locationsWritten=0"), second);
        assertEquals(before, Fixtures.catalogRows(stack), "nothing written");

        // The partner calls the second date off in its calendar program.
        String secondDate = LocalDate.now().plusDays(15).format(DateTimeFormatter.BASIC_ISO_DATE);
        calendar.set(CALENDAR.replace("END:VCALENDAR", String.join("\r\n", "BEGIN:VEVENT", "UID:taalcafe-1@google.com",
                "RECURRENCE-ID;TZID=Europe/Amsterdam:" + secondDate + "T100000", "STATUS:CANCELLED", "SUMMARY:Taalcafé",
                "DTSTART;TZID=Europe/Amsterdam:" + secondDate + "T100000", "DTEND;TZID=Europe/Amsterdam:" + secondDate + "T120000", "END:VEVENT",
                "END:VCALENDAR")));
        try {
            String third = runImport();
            assertTrue(third.contains("source=agenda created=0 updated=1"), third);
            List<Session.SessionStatus> statuses = Fixtures.catalog(stack).offer(id).orElseThrow().sessions().stream().map(Session::status).toList();
            assertEquals(List.of(Session.SessionStatus.SCHEDULED, Session.SessionStatus.CANCELLED, Session.SessionStatus.SCHEDULED), statuses);
        } finally {
            calendar.set(CALENDAR);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aFeedThatSuddenlyListsUnderHalfItsOffersWithdrawsNothingUntilAnAdminConfirms() throws Exception {
        shrinking.set(events(6));
        assertTrue(runImport().contains("source=krimp created=6"));
        shrinking.set(events(2));
        String held = runImport();
        assertTrue(held.contains("source=krimp created=0 updated=0 unchanged=2 locationsWritten=0 removed=0 cancelled=0 rejected=0 held=true (the feed lists 2 offers, 6 before"), held);
        assertEquals(6, krimp().size(), "nothing withdrawn");

        // An admin confirms (an invoke of the function with the feed's source): now they go.
        String confirmed = stack.stack().functions().invoke("ImportFunction", "{\"confirmShrink\":[\"krimp\", \"../x\", 7]}");
        assertTrue(confirmed.contains("source=krimp created=0 updated=0 unchanged=2 locationsWritten=0 removed=4"), confirmed);
        assertFalse(confirmed.contains("source=agenda"), "the confirmation runs only the confirmed feed: " + confirmed);
        assertEquals(List.of("Krimp 1", "Krimp 2"), krimp().stream().map(Offer::title).sorted().toList());

        shrinking.set(events(1)); // from 2 to 1 is under half too, but a feed this small may shrink freely
        String small = runImport();
        assertTrue(small.matches("(?s).*source=krimp created=0 updated=0 unchanged=1 locationsWritten=0 removed=1 cancelled=0 rejected=0(?![0-9 ]).*"), small);
        shrinking.set(events(0));
        runImport();
    }

    private static List<Offer> krimp() {
        return Fixtures.catalog(stack).offersOf(Fixtures.ORG).stream().filter(o -> o.source() != null && o.source().sourceId().equals("krimp")).toList();
    }
}
