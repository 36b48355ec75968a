package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;
import org.junit.jupiter.api.Test;

/** iCalendar feeds as Google, Outlook and Apple export them, and as nobody should. */
class IcalFeedTest {
    /** A Monday morning: the fixtures' dates lie in the 180 days after it. */
    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private static FeedContent fixture(String name) throws IOException {
        try (InputStream in = IcalFeedTest.class.getResourceAsStream("/ical/" + name)) {
            return IcalFeed.parse("partner", in.readAllBytes(), NOW);
        }
    }

    private static FeedContent parse(String ics) { return IcalFeed.parse("partner", ics.getBytes(StandardCharsets.UTF_8), NOW); }

    private static FeedOffer offer(FeedContent c, String uid) {
        return c.offers().stream().filter(o -> o.externalId().equals(uid)).findFirst().orElseThrow(() -> new AssertionError(uid + " in " + c));
    }

    private static List<String> starts(FeedOffer o) { return o.input().sessions().stream().map(OfferInput.SessionInput::start).toList(); }

    private static FeedLocation location(FeedContent c, String name) {
        return c.locations().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + c.locations()));
    }

    private static String event(String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n" + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void aGoogleCalendarExportGivesWeeklyDatesWithoutTheExcludedOneAMovedOneAndACancelledOne() throws Exception {
        FeedContent c = fixture("google.ics");
        FeedOffer taalcafe = offer(c, "3k2j4h5g6f7d8s9a0b1c2d3e4f@google.com");
        OfferInput in = taalcafe.input();
        assertEquals("Taalcafé", in.title());
        assertEquals("Samen Nederlands praten bij een kop koffie.\nIedereen is welkom, u hoeft zich niet aan te melden.", in.description(),
                "folded lines joined, escaped commas read, HTML line breaks become line breaks");
        assertEquals("DROP_IN", in.kind());
        assertEquals("BASIC_SKILLS", in.programmeLine());
        assertEquals(List.of("Nederlands spreken"), in.themes());
        assertEquals(List.of("anderstaligen"), in.targetGroups());
        List<String> starts = starts(taalcafe);
        assertEquals(16, starts.size(), "every Tuesday from 8 December until 30 March, without 29 December: " + starts);
        assertEquals("2026-12-08T10:00", starts.get(0));
        assertFalse(starts.contains("2026-12-29T10:00"), "EXDATE");
        assertTrue(starts.contains("2026-12-22T13:30") && !starts.contains("2026-12-22T10:00"), "moved that week (RECURRENCE-ID)");
        assertEquals("2027-03-30T10:00", starts.get(starts.size() - 1), "still 10:00 after the clock change; UNTIL counts");
        OfferInput.SessionInput cancelled = in.sessions().stream().filter(s -> s.start().equals("2027-01-05T10:00")).findFirst().orElseThrow();
        assertEquals("CANCELLED", cancelled.status(), "a date called off stays, as cancelled");
        assertEquals("2027-01-05T12:00", cancelled.end());
        assertNull(in.sessions().get(0).status());
        assertEquals(PartnerImport.locationId("partner", "Bibliotheek Hardenberg"), in.sessions().get(0).locationId());
        FeedLocation hardenberg = location(c, "Bibliotheek Hardenberg");
        assertEquals("Voorstraat 34", hardenberg.address().street());
        assertEquals("7772 AB", hardenberg.address().postcode());
        assertEquals("Hardenberg", hardenberg.address().city());

        FeedOffer online = offer(c, "7a8b9c0d1e2f3g4h@google.com");
        assertEquals(List.of("2026-12-10T19:00"), starts(online), "UTC times in Dutch time");
        assertEquals("2026-12-10T20:30", online.input().sessions().get(0).end());
        assertEquals("ONLINE", online.input().format());
        assertEquals("https://taalhuis.example.nl/digisterker", online.input().moreInfoUrl());
        assertEquals("Oefenen met DigiD en Mijn Overheid.\n\nNeem uw telefoon mee.", online.input().description());
        assertEquals(PartnerImport.locationId("partner", "Online"), online.input().sessions().get(0).locationId());

        assertEquals(2, c.offers().size(), "the private event and the all-day event are not offers");
        Map<String, String> why = c.problems().stream().collect(Collectors.toMap(Problem::externalId, Problem::message));
        assertTrue(why.get("privé-overleg@google.com").contains("privé"), why.toString());
        assertTrue(why.get("boekenweek@google.com").contains("hele dagen"), why.toString());
        assertTrue(c.problems().stream().allMatch(p -> p.line() > 0), "each reason names the event's line");
        assertFalse(c.problems().toString().contains("Overleg met de gemeente"), "reasons never repeat the feed's text");
    }

    @Test
    void anOutlookExportWithWindowsZoneNamesAndACustomisedZoneLandsInDutchTime() throws Exception {
        FeedContent c = fixture("outlook.ics");
        FeedOffer klik = c.offers().stream().filter(o -> o.input().title().equals("Klik & Tik")).findFirst().orElseThrow();
        assertTrue(klik.externalId().startsWith("040000008200E00074C5B7101A82E008") && klik.externalId().endsWith("012345678901234567890123456789012"),
                "a folded UID is one UID");
        assertEquals(List.of("2026-12-10T14:00", "2026-12-17T14:00", "2026-12-24T14:00", "2026-12-31T14:00", "2027-01-07T14:00", "2027-01-14T14:00"),
                starts(klik), "W. Europe Standard Time, six Thursdays");
        assertEquals("WORKSHOP", klik.input().kind());
        assertEquals(List.of("digitale vaardigheden"), klik.input().themes());
        assertEquals(List.of("senioren"), klik.input().targetGroups());
        assertEquals("Leer werken met uw tablet of telefoon. Koffie staat klaar.", klik.input().description());
        FeedLocation dedemsvaart = location(c, "Bibliotheek Dedemsvaart");
        assertNull(dedemsvaart.address().street());

        FeedOffer werk = c.offers().stream().filter(o -> o.input().title().equals("Werkcafé")).findFirst().orElseThrow();
        assertEquals(List.of("2027-01-12T09:30"), starts(werk), "a zone the file defines with Dutch offsets");
        assertEquals("2027-01-12T11:30", werk.input().sessions().get(0).end());
        FeedLocation ommen = location(c, "Werkplein Ommen");
        assertEquals("Markt 1", ommen.address().street());
        assertEquals("7731 DB", ommen.address().postcode());
        assertEquals("Ommen", ommen.address().city());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void anAppleExportWithAddressLinesAFortnightlyRuleAndACancelledEvent() throws Exception {
        FeedContent c = fixture("apple.ics");
        FeedOffer voorlezen = offer(c, "6B29FC40-CA47-1067-B31D-00DD010662DA");
        assertEquals(List.of("2027-03-20T10:00", "2027-04-03T10:00", "2027-04-17T10:00"), starts(voorlezen));
        assertEquals("MEETUP", voorlezen.input().kind(), "no kind among its categories: the default");
        assertEquals("YOUTH", voorlezen.input().programmeLine());
        assertEquals(List.of("voorlezen"), voorlezen.input().themes());
        assertEquals(List.of("ouders", "kinderen"), voorlezen.input().targetGroups());
        FeedLocation ommen = location(c, "Bibliotheek Ommen");
        assertEquals("Markt 1", ommen.address().street());
        assertEquals("7731 DB", ommen.address().postcode());
        assertEquals("Ommen", ommen.address().city());

        FeedOffer knutselen = offer(c, "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF");
        assertEquals("CANCELLED", knutselen.input().sessions().get(0).status(), "an event called off as a whole");
    }

    @Test
    void readingTheSameFeedTwiceGivesTheSameOffersAndLineEndingsDoNotMatter() throws Exception {
        for (String name : List.of("google.ics", "outlook.ics", "apple.ics")) {
            assertEquals(fixture(name), fixture(name), name);
            String lf;
            try (InputStream in = IcalFeedTest.class.getResourceAsStream("/ical/" + name)) {
                lf = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            }
            assertEquals(fixture(name), parse(lf), name + " with bare LF line endings");
        }
    }

    @Test
    void datesBeforeTodayAndBeyondTheHorizonAreNotOnOfferAndAnEndlessRuleStopsAtTheMostAnOfferHolds() {
        FeedContent past = parse(event("UID:oud", "SUMMARY:Vorig jaar", "DTSTART:20251201T100000", "DTEND:20251201T110000", "LOCATION:Bieb"));
        assertEquals(List.of(), past.offers(), "over: not on offer (and withdrawn like any offer that leaves a feed)");
        assertEquals(List.of(), past.problems());
        FeedContent far = parse(event("UID:ver", "SUMMARY:Veel later", "DTSTART:20280101T100000", "DTEND:20280101T110000", "LOCATION:Bieb"));
        assertEquals(List.of(), far.offers());

        FeedContent daily = parse(event("UID:elke-dag", "SUMMARY:Elke dag", "DTSTART:20261101T100000", "DTEND:20261101T110000", "RRULE:FREQ=DAILY",
                "LOCATION:Bieb"));
        List<String> starts = starts(offer(daily, "elke-dag"));
        assertEquals(OfferService.MAX_SESSIONS, starts.size(), "the first dates an offer can hold; the next come into view on later nights");
        assertEquals("2026-12-07T10:00", starts.get(0), "from today, not from the rule's start in the past");
    }

    @Test
    void rulesThatRepeatMoreOftenThanDailyAreRefusedBeforeTheyAreExpanded() {
        String everyMinute = "RRULE:FREQ=DAILY;BYHOUR=" + range(24) + ";BYMINUTE=" + range(60) + ";BYSECOND=" + range(60);
        for (String rule : List.of("RRULE:FREQ=SECONDLY", "RRULE:FREQ=MINUTELY;INTERVAL=1", "RRULE:FREQ=HOURLY", everyMinute)) {
            long t0 = System.nanoTime();
            FeedContent c = parse(event("UID:vaak", "SUMMARY:Te vaak", "DTSTART:20261208T100000", "DTEND:20261208T110000", rule, "LOCATION:Bieb"));
            assertEquals(List.of(), c.offers(), rule);
            assertTrue(c.problems().get(0).message().contains("vaker dan dagelijks"), c.problems().toString());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused, not expanded first");
        }
        FeedContent bogus = parse(event("UID:raar", "SUMMARY:Raar", "DTSTART:20261208T100000", "DTEND:20261208T110000", "RRULE:FREQ=SOMETIMES", "LOCATION:Bieb"));
        assertTrue(bogus.problems().get(0).message().contains("RRULE is niet te lezen"), bogus.problems().toString());
    }

    private static String range(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(i);
        return b.toString();
    }

    @Test
    void anEventThatCannotBeReadIsLeftOutWithItsReasonAndTheOthersStillGoIn() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "BEGIN:VEVENT\r\nUID:goed\r\nSUMMARY:Goed\r\nDTSTART:20261208T100000\r\nDTEND:20261208T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:kapot\r\nSUMMARY:Kapot\r\nDit is geen iCalendar\r\nDTSTART:20261208T100000\r\nDTEND:20261208T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nSUMMARY:Zonder UID\r\nDTSTART:20261208T100000\r\nDTEND:20261208T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:zonder-titel\r\nDTSTART:20261208T100000\r\nDTEND:20261208T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:zonder-einde\r\nSUMMARY:Zonder einde\r\nDTSTART:20261208T100000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:duur\r\nSUMMARY:Met duur\r\nDTSTART:20261208T100000\r\nDURATION:PT1H30M\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:zone\r\nSUMMARY:Vreemde zone\r\nDTSTART;TZID=Mars/Olympus:20261208T100000\r\nDTEND;TZID=Mars/Olympus:20261208T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:nergens\r\nSUMMARY:Nergens\r\nDTSTART:20261208T100000\r\nDTEND:20261208T110000\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:datum\r\nSUMMARY:Rare datum\r\nDTSTART:2026-12-08 10:00\r\nDTEND:20261208T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:goed\r\nSUMMARY:Dubbel\r\nDTSTART:20261209T100000\r\nDTEND:20261209T110000\r\nLOCATION:Bieb\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        FeedContent c = parse(ics);
        assertEquals(List.of("goed", "duur"), c.offers().stream().map(FeedOffer::externalId).toList());
        assertEquals(List.of("2026-12-08T11:30"), c.offers().get(1).input().sessions().stream().map(OfferInput.SessionInput::end).toList());
        Map<String, String> why = c.problems().stream().collect(Collectors.toMap(p -> p.externalId() + "@" + p.line(), Problem::message));
        assertTrue(why.get("kapot@10").contains("Regel 13 is geen iCalendar"), why.toString());
        assertTrue(why.get("?@18").contains("geen UID"), why.toString());
        assertTrue(why.get("zonder-titel@24").contains("geen titel"), why.toString());
        assertTrue(why.get("zonder-einde@30").contains("geen einde"), why.toString());
        assertTrue(why.get("zone@43").contains("tijdzone die we niet kennen"), why.toString());
        assertTrue(why.get("nergens@50").contains("geen plaats"), why.toString());
        assertTrue(why.get("datum@56").contains("geen datum met tijd"), why.toString());
        assertTrue(why.get("goed@63").contains("dezelfde UID"), why.toString());
        assertTrue(c.problems().stream().noneMatch(p -> p.externalId().isEmpty()), "every problem is an event's: the feed was read completely");
    }

    @Test
    void aFileThatIsNotACalendarImportsNothingAndSaysWhy() {
        byte[] latin1 = event("UID:x", "SUMMARY:Caf\u00e9", "DTSTART:20261208T100000", "DTEND:20261208T110000", "LOCATION:Bieb")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertUnreadable(IcalFeed.parse("partner", latin1, NOW), "geen UTF-8");
        assertUnreadable(parse("<html><body>Onze agenda</body></html>"), "geen agenda");
        assertUnreadable(parse(""), "geen agenda");
        assertUnreadable(parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Afgebroken\r\n"), "niet worden gelezen");

        StringBuilder deep = new StringBuilder("BEGIN:VCALENDAR\r\n");
        for (int i = 0; i < 100_000; i++) deep.append("BEGIN:VEVENT\r\n");
        assertUnreadable(parse(deep.toString()), "in elkaar genest");

        StringBuilder many = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        for (int i = 0; i <= IcalFeed.MAX_EVENTS; i++)
            many.append("BEGIN:VEVENT\r\nUID:e").append(i).append("\r\nSUMMARY:E\r\nDTSTART:20261208T100000\r\nDTEND:20261208T110000\r\nLOCATION:B\r\nEND:VEVENT\r\n");
        assertUnreadable(parse(many.append("END:VCALENDAR\r\n").toString()), "Meer dan 5000 activiteiten");
    }

    private static void assertUnreadable(FeedContent c, String reason) {
        assertEquals(List.of(), c.offers());
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertEquals("", c.problems().get(0).externalId(), "a problem of the feed, not of an event: nothing is withdrawn");
        assertTrue(c.problems().get(0).message().contains(reason), c.problems().toString());
    }

    @Test
    void hostileTextStaysTextAndHtmlInDescriptionsBecomesPlainText() {
        FeedContent c = parse(event("UID:<script>x</script>", "SUMMARY:<script>alert(1)</script>", "DESCRIPTION:<p>Welkom &amp; tot ziens</p><img src=x onerror=alert(1)>",
                "DTSTART:20261208T100000", "DTEND:20261208T110000", "LOCATION:<b>Bieb</b>", "URL:javascript:alert(1)"));
        OfferInput in = c.offers().get(0).input();
        assertEquals("<script>alert(1)</script>", in.title(), "kept as text: pages escape it, and validation judges it");
        assertEquals("Welkom & tot ziens", in.description());
        assertNull(in.moreInfoUrl(), "only http(s) links");
        assertEquals("<b>Bieb</b>", c.locations().get(0).name());
    }

    @Test
    void categoriesAndTextListsAreSplitOnlyOnUnescapedCommas() {
        assertEquals(List.of("lezen en schrijven", "a,b"), IcalFeed.splitText("lezen en schrijven,a\\,b"));
        assertEquals("regel 1\nregel 2; en \\ verder", IcalFeed.unescape("regel 1\\nregel 2\\; en \\\\ verder"));
        assertEquals(Categories.DEFAULT_KIND, Categories.of(List.of("iets anders")).kind());
        assertEquals("E_LEARNING", Categories.of(List.of("e-learning")).kind().name());
        assertEquals(List.of("e-overheid"), Categories.of(List.of("E-OVERHEID")).themes());
    }
}
