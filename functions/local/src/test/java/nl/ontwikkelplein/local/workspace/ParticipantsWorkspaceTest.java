package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The participant list on the real local stack: a visitor enrolled through the public form and
 * someone who phoned, enrolled by staff through the same seat transaction; the CSV that Dutch
 * Excel opens, safe against formulas; removal freeing the seat; attendance; the printed list;
 * and the refusals around it.
 */
@LocalStackTest
class ParticipantsWorkspaceTest {
    static TestStack stack;
    static Offer offer;
    static String upcoming, past;

    @BeforeAll
    static void data() {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveOrganisation(new Organisation("bieb-b", "Bibliotheek B", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        LocalDateTime later = LocalDateTime.now().plusDays(5).truncatedTo(ChronoUnit.HOURS).withHour(10);
        LocalDateTime before = LocalDateTime.now().minusDays(2).truncatedTo(ChronoUnit.HOURS).withHour(10);
        offer = new OfferService(stores.catalog(), Clock.systemUTC()).create(new OfferInput("bieb-a", "Klik & Tik", null, null, "COURSE",
                "BASIC_SKILLS", List.of(), List.of(), null, 0L, null, null, null, List.of(
                new OfferInput.SessionInput(null, later.toString(), later.plusHours(2).toString(), "vestiging-a", 2, null),
                new OfferInput.SessionInput(null, before.toString(), before.plusHours(2).toString(), "vestiging-a", 5, null))));
        upcoming = offer.sessions().stream().filter(s -> s.start().equals(later)).findFirst().orElseThrow().id();
        past = offer.sessions().stream().filter(s -> s.start().equals(before)).findFirst().orElseThrow().id();
        Instant now = Instant.now();
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), now, null));
        stores.staff().create(new StaffMember("bert", "bert@bieb.test", "Bert", Role.EDITOR, List.of("bieb-b"), now, null));
    }

    static String base(String sessionId) {
        return "/beheer/aanbod/" + offer.id() + "/data/" + sessionId + "/deelnemers";
    }

    static int taken(String sessionId) {
        return stack.stack().stores().catalog().offer(offer.id()).orElseThrow().session(sessionId).map(Session::taken).orElseThrow();
    }

    @Test
    void staffSeeEnrolPrintExportAndRemoveParticipants() throws Exception {
        // A visitor enrols through the public form, with a name a spreadsheet would run as a formula.
        HttpResponse<String> visitor = stack.post("/api/offers/" + offer.id() + "/sessions/" + upcoming + "/enrolments",
                "application/x-www-form-urlencoded", StaffClient.form(Map.of("name", "=HYPERLINK(\"https://kwaad.example\")", "phone", "06 12345678")));
        assertEquals(201, visitor.statusCode(), visitor.body());

        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        HttpResponse<String> list = anna.get(base(upcoming));
        assertEquals(200, list.statusCode(), list.body());
        assertEquals("no-store", list.headers().firstValue("cache-control").orElse(""));
        assertTrue(list.body().contains(">=HYPERLINK(\"https://kwaad.example\")</th>"), "the name is shown as text");
        assertFalse(list.body().contains("href=\"https://kwaad.example"), "and never as a link");
        assertTrue(list.body().contains("1 van 2 plaatsen bezet"));

        // Someone phones: staff enrol them with name and phone, through the same seat transaction.
        HttpResponse<String> empty = anna.post(base(upcoming) + "/aanmelden", Map.of("naam", "Nina", "telefoon", ""));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("href=\"#veld-telefoon\""), empty.body());
        HttpResponse<String> phoned = anna.post(base(upcoming) + "/aanmelden", Map.of("naam", "Nina Bakker", "telefoon", "06 98765432"));
        assertEquals(303, phoned.statusCode(), phoned.body());
        assertTrue(phoned.headers().firstValue("location").orElseThrow().endsWith("melding=aangemeld"));
        assertEquals(2, taken(upcoming));
        HttpResponse<String> full = anna.post(base(upcoming) + "/aanmelden", Map.of("naam", "Piet", "telefoon", "06 11112222"));
        assertTrue(full.headers().firstValue("location").orElseThrow().endsWith("melding=wachtlijst"), "the seat limit holds for staff too: a waitlist");
        assertEquals(2, taken(upcoming));
        assertTrue(anna.get(base(upcoming)).body().contains("1 persoon wacht."));

        // The CSV opens in Dutch Excel and runs no formula.
        HttpResponse<byte[]> csv = stack.sendForBytes(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url(base(upcoming) + ".csv")))
                .header("Cookie", "__Host-op-sessie=" + anna.cookies.get("__Host-op-sessie")).GET());
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("content-type").orElse(""));
        assertEquals("no-store", csv.headers().firstValue("cache-control").orElse(""));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").startsWith("attachment; filename=\"deelnemers-"));
        byte[] bytes = csv.body();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 with a byte order mark");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals("Naam;Telefoon;Aangemeld op;Status;Aanwezig", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(text.contains(";wachtlijst;"), "Piet waits");
        assertTrue(text.contains("\"'=HYPERLINK(\"\"https://kwaad.example\"\")\";"), text);
        assertTrue(text.contains("Nina Bakker;"));

        // The printed list: names and a column to tick, no forms.
        HttpResponse<String> print = anna.get(base(upcoming) + "?afdrukken=ja");
        assertTrue(print.body().contains("Presentielijst"));
        assertFalse(print.body().contains("/aanmelden\""), "no enrol form on paper");

        // Removing Nina frees her seat.
        String ninaKey = keyOf(anna.get(base(upcoming)).body(), "Nina Bakker");
        HttpResponse<String> removed = anna.post(base(upcoming) + "/verwijderen", Map.of("persoon", ninaKey));
        assertEquals(303, removed.statusCode());
        assertEquals(2, taken(upcoming), "Nina's seat went to Piet, who waited");
        String after = anna.get(base(upcoming)).body();
        assertFalse(after.contains("Nina Bakker afmelden"));
        assertTrue(after.contains("Piet afmelden"), "Piet has a seat now");
        assertFalse(after.contains("wacht."), "nobody waits any more");
        assertTrue(stack.stack().stores().audit().forRecord("OFFER", offer.id(), 20).stream()
                .filter(e -> e.action().startsWith("PARTICIPANT")).allMatch(e -> e.fields().equals(List.of("participants"))),
                "the audit trail counts participants, never names them");
    }

    @Test
    void attendanceIsMarkedAfterTheDate() throws Exception {
        Instant now = Instant.now();
        String key = "aanwezig-" + System.nanoTime();
        stack.stack().stores().seats().take(new Enrolment(offer.id(), past, key, "Karin", "0612121212", Enrolment.EnrolmentStatus.CONFIRMED,
                now.minusSeconds(86400 * 3), now.plusSeconds(86400 * 30)), null);
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        HttpResponse<String> page = anna.get(base(past));
        assertTrue(page.body().contains("Aanwezigheid opslaan"));
        assertEquals(303, anna.post(base(past) + "/aanwezigheid", Map.of("persoon", key, "a-" + key, "PRESENT")).statusCode());
        assertEquals(Attendance.PRESENT, stack.stack().stores().participants().of(offer.id(), past).get(0).attendanceAt(past));
        assertEquals(400, anna.post(base(upcoming) + "/aanwezigheid", Map.of("persoon", key, "a-" + key, "PRESENT")).statusCode(),
                "not before the date");
    }

    @Test
    void anotherLibrarysEditorSeesNobody() throws Exception {
        StaffClient bert = new StaffClient(stack);
        bert.signIn("bert@bieb.test");
        assertEquals(403, bert.get(base(upcoming)).statusCode());
        assertEquals(403, bert.get(base(upcoming) + ".csv").statusCode());
        bert.get("/beheer/aanbod");
        int before = taken(upcoming);
        assertEquals(403, bert.post(base(upcoming) + "/aanmelden", Map.of("naam", "X", "telefoon", "0612345670")).statusCode());
        assertEquals(403, bert.post(base(upcoming) + "/verwijderen", Map.of("persoon", "iemand")).statusCode());
        assertEquals(before, taken(upcoming));
        StaffClient nobody = new StaffClient(stack);
        assertEquals(303, nobody.get(base(upcoming) + ".csv").statusCode(), "not signed in: to the sign-in page");
    }

    private static String keyOf(String html, String name) {
        Matcher m = Pattern.compile("name=\"persoon\" value=\"([^\"]+)\">\\s*<button[^>]*>" + Pattern.quote(name) + " afmelden").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }
}
