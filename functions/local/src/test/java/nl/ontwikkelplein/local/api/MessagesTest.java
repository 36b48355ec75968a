package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Mailer;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.domain.MessageSender;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferInputs;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.local.workspace.StaffClient;
import nl.ontwikkelplein.notifications.RemindersHandler;
import nl.ontwikkelplein.web.MessageTexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages on the real local stack: enrolments make them on the enrolment stream, the
 * EnrolmentEventsFunction sends them through SES or SNS into the local outbox, people with only a
 * phone number land on the staff's call list. Once per event, also when records come again.
 */
@LocalStackTest
class MessagesTest {
    static TestStack stack;
    static final ObjectMapper JSON = new ObjectMapper();
    private static int phones = 0;

    @BeforeAll
    static void start() {
        Fixtures.organisationAndLocation(stack);
    }

    private static synchronized String phone() {
        return String.format("06%08d", 40_000_000 + phones++);
    }

    static JsonNode enrol(Offer offer, String body) throws Exception {
        HttpResponse<String> r = stack.post("/api/offers/" + offer.id() + "/sessions/" + offer.sessions().get(0).id() + "/enrolments",
                "application/json", body);
        assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.body());
        return JSON.readTree(r.body());
    }

    /** The local outbox's messages to this address or number. */
    static List<JsonNode> to(String recipient) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(stack.get("/_local/outbox.json").body())) if (m.path("to").asText().equals(recipient)) out.add(m);
        return out;
    }

    static List<JsonNode> awaitMessages(String recipient, int count) throws Exception {
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> {
            try {
                return to(recipient).size() >= count;
            } catch (Exception e) {
                return false;
            }
        }), "expected " + count + " message(s) to " + recipient + ", got " + to(recipient));
        stack.awaitStreams();
        return to(recipient);
    }

    static String link(String text) {
        Matcher m = Pattern.compile("/aanmelding/[A-Za-z0-9_-]{43}").matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }

    @Test
    void anEmailAddressGetsTheConfirmationWithAPrivateLinkOfItsOwn() throws Exception {
        Offer offer = Fixtures.offer(stack, "Taalcafé", 5, 10);
        JsonNode answer = enrol(offer, "{\"name\":\"Anna de Vries\",\"phone\":\"" + phone() + "\",\"email\":\"Anna@Example.org\"}");
        List<JsonNode> mails = awaitMessages("anna@example.org", 1);
        assertEquals(1, mails.size());
        JsonNode mail = mails.get(0);
        assertEquals("email", mail.path("channel").asText());
        assertEquals("U bent aangemeld: Taalcafé", mail.path("subject").asText());
        String text = mail.path("text").asText();
        assertTrue(text.startsWith("Beste Anna de Vries,"), text);
        String link = link(text);
        assertFalse(link.equals(answer.path("manageUrl").asText()), "a fresh link per message: only hashes are stored");
        HttpResponse<String> page = stack.send(HttpRequest.newBuilder(URI.create(stack.url(link))).header("Accept", "application/json").GET());
        assertEquals("ENROLLED", JSON.readTree(page.body()).path("status").asText());
    }

    @Test
    void aPhoneNumberWithConsentGetsTextMessagesAndWithoutOneLandsOnTheCallList() throws Exception {
        Offer offer = Fixtures.offer(stack, "Klik & Tik", 1, 11);
        String sms = phone(), onlyPhone = phone();
        JsonNode seat = enrol(offer, "{\"name\":\"Bert\",\"phone\":\"" + sms + "\",\"textMessages\":true}");
        JsonNode waiting = enrol(offer, "{\"name\":\"Cor Jansen\",\"phone\":\"" + onlyPhone + "\"}");
        assertEquals("WAITLISTED", waiting.path("outcome").asText());
        String e164 = "+316" + sms.substring(2);
        List<JsonNode> texts = awaitMessages(e164, 1);
        assertEquals("sms", texts.get(0).path("channel").asText());
        assertTrue(texts.get(0).path("text").asText().startsWith("U bent aangemeld voor Klik & Tik"), texts.get(0).path("text").asText());
        assertTrue(texts.get(0).path("text").asText().length() < 320, "a short text");
        assertTrue(to("+316" + onlyPhone.substring(2)).isEmpty(), "no consent: no text message");

        // Bert cancels by SMS link; Cor gets the seat and is on the call list to be told.
        HttpResponse<String> cancel = stack.send(HttpRequest.newBuilder(URI.create(stack.url(link(texts.get(0).path("text").asText()) + "/afmelden")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(200, cancel.statusCode());
        awaitMessages(e164, 2);
        assertTrue(to(e164).get(0).path("text").asText().startsWith("U bent afgemeld"), "the cancellation is confirmed");
        List<Message> callList = stack.stack().stores().outbox().forStaff(Fixtures.ORG, 100);
        Message call = callList.stream().filter(m -> m.offerId().equals(offer.id())).findFirst().orElseThrow();
        assertEquals(Message.Kind.PROMOTED, call.kind());
        assertEquals(Message.Status.CALL, call.status());

        stack.stack().stores().staff().create(new nl.ontwikkelplein.domain.StaffMember("els", "els@bieb.test", "Els", Role.EDITOR,
                List.of(Fixtures.ORG), java.time.Instant.now(), null));
        StaffClient els = new StaffClient(stack);
        els.signIn("els@bieb.test");
        HttpResponse<String> list = els.get("/beheer/bellijst");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Cor Jansen") && list.body().contains("Er is een plaats vrij gekomen"), list.body());
        assertFalse(list.body().contains(">Bert<"), "Bert has text messages: not on the call list");
        HttpResponse<String> ticked = els.post("/beheer/bellijst/gebeld", Map.of("organisatie", Fixtures.ORG, "bericht", call.key()));
        assertEquals(303, ticked.statusCode());
        assertEquals(Message.Status.CALLED, stack.stack().stores().outbox().find(Fixtures.ORG, call.key()).orElseThrow().status());
        assertTrue(els.get("/beheer/bellijst").body().contains("Al gebeld"));
    }

    @Test
    void redeliveredRecordsAndRepeatedRunsMakeNoSecondMessage() throws Exception {
        Offer offer = Fixtures.offer(stack, "Leesclub", 5, 12);
        enrol(offer, "{\"name\":\"Dirk\",\"phone\":\"" + phone() + "\",\"email\":\"dirk@example.org\"}");
        awaitMessages("dirk@example.org", 1);
        // The whole enrolment stream again, twice: the same changes, the same keys, nothing new.
        nl.ontwikkelplein.notifications.EnrolmentEventsHandler handler =
                new nl.ontwikkelplein.notifications.EnrolmentEventsHandler(stack.stack().stores(), Map.of("MAIL_FROM", "test@bibliotheek.test"));
        for (int again = 0; again < 2; again++) handler.handleRequest(StreamReplay.enrolmentRecords(stack), null);
        stack.awaitStreams();
        assertEquals(1, to("dirk@example.org").size(), "one confirmation, whatever comes again");
    }

    @Test
    void malformedStreamRecordsAreSkippedAndChangeNothing() throws Exception {
        nl.ontwikkelplein.notifications.EnrolmentEventsHandler handler =
                new nl.ontwikkelplein.notifications.EnrolmentEventsHandler(stack.stack().stores(), Map.of("MAIL_FROM", "test@bibliotheek.test"));
        com.amazonaws.services.lambda.runtime.events.DynamodbEvent event = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent();
        List<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        records.add(null);
        records.add(new com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord());
        for (String[] key : List.of(new String[]{"SESSION#", "ENROL#x"}, new String[]{"SESSION#a#b#c", "ENROL#x"}, new String[]{"MANAGE#h", "MANAGE"},
                new String[]{"MSGS#", "MSG#"}, new String[]{"COURSE#bestaat-niet", "ENROL#x"}, new String[]{"MSGS#org", "MSG#bestaat-niet"})) {
            var r = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord();
            var sr = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
            sr.setKeys(Map.of("pk", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(key[0]),
                    "sk", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(key[1])));
            sr.setNewImage(Map.of("status", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS("ONZIN")));
            sr.setSequenceNumber(String.valueOf(records.size()));
            r.setDynamodb(sr);
            r.setEventName("INSERT");
            records.add(r);
        }
        event.setRecords(records);
        int before = JSON.readTree(stack.get("/_local/outbox.json").body()).size();
        assertTrue(handler.handleRequest(event, null).getBatchItemFailures().isEmpty(), "nothing to retry: nothing there");
        assertTrue(handler.handleRequest(null, null).getBatchItemFailures().isEmpty());
        assertEquals(before, JSON.readTree(stack.get("/_local/outbox.json").body()).size());
    }

    @Test
    void aMessageThatKeepsFailingIsMarkedFailedForStaffAndNeverSentTwice() throws Exception {
        Offer offer = Fixtures.offer(stack, "Spreekuur", 5, 13);
        Enrolment e = new Enrolment(offer.id(), offer.sessions().get(0).id(), "faal-" + System.nanoTime(), "Eva", "+31612121212",
                Enrolment.EnrolmentStatus.CONFIRMED, java.time.Instant.now(), java.time.Instant.now().plusSeconds(86400 * 30), 0, null,
                "eva@example.org", false);
        stack.stack().stores().seats().take(e, null);
        Message m = Message.of(Fixtures.ORG, Message.Kind.CHANGED, stack.stack().stores().participants().find(e.offerId(), e.sessionId(), e.personKey())
                .orElseThrow(), "test", null, java.time.Instant.now());
        stack.stack().stores().outbox().add(m);
        int[] tries = {0};
        Mailer down = mail -> {
            tries[0]++;
            throw new Mailer.MailException("SES is down", null);
        };
        MessageSender sender = new MessageSender(stack.stack().stores().outbox(), stack.stack().stores().participants(), Fixtures.catalog(stack), down,
                (phone, text) -> { throw new AssertionError("an email address wins"); }, new MessageTexts(), "", Clock.systemUTC());
        List<MessageSender.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) outcomes.add(sender.send(Fixtures.ORG, m.key()));
        assertEquals(List.of(MessageSender.Outcome.RETRY, MessageSender.Outcome.RETRY, MessageSender.Outcome.RETRY, MessageSender.Outcome.RETRY,
                MessageSender.Outcome.FAILED, MessageSender.Outcome.SKIPPED, MessageSender.Outcome.SKIPPED, MessageSender.Outcome.SKIPPED), outcomes);
        assertEquals(Message.MAX_ATTEMPTS, tries[0]);
        Message failed = stack.stack().stores().outbox().find(Fixtures.ORG, m.key()).orElseThrow();
        assertEquals(Message.Status.FAILED, failed.status());
        assertEquals("MailException", failed.error(), "the kind of failure, never an address");
        assertTrue(stack.stack().stores().outbox().forStaff(Fixtures.ORG, 100).stream().anyMatch(x -> x.key().equals(m.key())), "staff see it");
    }

    @Test
    void remindersGoOutTheDayBeforeOnceAndAMovedDateIsTold() throws Exception {
        LocalDateTime tomorrow = LocalDateTime.now(Session.ZONE).plusDays(1).withHour(14).withMinute(0).withSecond(0).withNano(0);
        Offer offer = new OfferService(Fixtures.catalog(stack), Clock.systemUTC()).create(new OfferInput(Fixtures.ORG, "Digicafé", null, null, "DROP_IN",
                "BASIC_SKILLS", List.of(), List.of(), null, 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, tomorrow.toString(), tomorrow.plusHours(2).toString(), Fixtures.LOCATION, 10, null))));
        enrol(offer, "{\"name\":\"Fenna\",\"phone\":\"" + phone() + "\",\"email\":\"fenna@example.org\"}");
        awaitMessages("fenna@example.org", 1);
        RemindersHandler reminders = new RemindersHandler(stack.stack().stores(), Map.of());
        reminders.handleRequest(Map.of(), null);
        reminders.handleRequest(Map.of(), null);
        List<JsonNode> mails = awaitMessages("fenna@example.org", 2);
        assertEquals("Morgen: Digicafé", mails.get(0).path("subject").asText());
        assertEquals(2, to("fenna@example.org").size(), "one reminder, however often the schedule runs");

        // The editor moves the date an hour: Fenna hears the new time.
        Offer stored = Fixtures.catalog(stack).offer(offer.id()).orElseThrow();
        Session s = stored.sessions().get(0);
        OfferInput moved = OfferInputs.withSessions(OfferInputs.from(stored), List.of(new OfferInput.SessionInput(s.id(), s.start().plusHours(1).toString(),
                s.end().plusHours(1).toString(), s.locationId(), s.seats(), null)));
        HttpResponse<String> put = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/" + offer.id())))
                .header("Authorization", "Bearer " + Fixtures.token(stack, Role.EDITOR, List.of(Fixtures.ORG))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(moved))));
        assertEquals(200, put.statusCode(), put.body());
        List<JsonNode> after = awaitMessages("fenna@example.org", 3);
        assertEquals("Er is iets veranderd: Digicafé", after.get(0).path("subject").asText());
        assertTrue(after.get(0).path("text").asText().contains("15.00 – 17.00 uur"), after.get(0).path("text").asText());
    }
}
