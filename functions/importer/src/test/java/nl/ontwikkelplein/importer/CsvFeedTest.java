package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFeedTest {
    static final String HEADER = "external_id,title,summary,kind,programme_line,themes,target_groups,format,price_eur,provider,location_name,street,postcode,city,start,end,seats\n";

    private static FeedContent parse(String csv) {
        return CsvFeed.parse("taalhuis", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsWithTheSameExternalIdAreOneOfferWithSessions() {
        FeedContent p = parse(HEADER
                + "TH-1,Taalcafé,\"Samen praten, met koffie\",Bijeenkomst,Basisvaardigheden,taal;praten,anderstaligen,Op locatie,gratis,Taalhuis,Buurthuis De Schakel,Stationsstraat 1,7772 AB,Hardenberg,2026-12-01 14:00,2026-12-01 16:00,12\n"
                + "TH-1,ignored title,,,,,,,,,Buurthuis De Schakel,,,,2026-12-08 14:00,2026-12-08 16:00,12\n"
                + "TH-2,Rekenen voor thuis,,Cursus,BASIC_SKILLS,,,,\"12,50\",,Online,,,,2026-12-02T19:00,2026-12-02T20:30,\n");
        assertEquals(List.of(), p.problems());
        assertEquals(2, p.offers().size());
        var first = p.offers().get(0);
        assertEquals("TH-1", first.externalId());
        assertEquals("Taalcafé", first.input().title());
        assertEquals("Samen praten, met koffie", first.input().summary());
        assertEquals("MEETUP", first.input().kind());
        assertEquals("BASIC_SKILLS", first.input().programmeLine());
        assertEquals(List.of("taal", "praten"), first.input().themes());
        assertEquals(2, first.input().sessions().size());
        assertEquals("2026-12-01T14:00", first.input().sessions().get(0).start());
        assertEquals(12, first.input().sessions().get(0).seats());
        var second = p.offers().get(1);
        assertEquals(1250L, second.input().priceCents());
        assertEquals(null, second.input().sessions().get(0).seats());
        assertEquals(2, p.locations().size());
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestStillComesIn() {
        FeedContent p = parse(HEADER
                + "TH-1,Goed,,Cursus,Basisvaardigheden,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "TH-2,Te weinig kolommen\n"
                + "TH-3,Slechte prijs,,Cursus,Basisvaardigheden,,,,veel,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "TH-4,Slechte plaatsen,,Cursus,Basisvaardigheden,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,tien\n"
                + ",Geen id,,Cursus,Basisvaardigheden,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n");
        assertEquals(1, p.offers().size());
        assertEquals(4, p.problems().size());
        assertEquals(3, p.problems().get(0).line());
        assertTrue(p.problems().get(1).message().contains("price_eur"));
        assertTrue(p.problems().get(2).message().contains("seats"));
        assertTrue(p.problems().get(3).message().contains("external_id is leeg"), "in Dutch too");
    }

    @Test
    void aKindLineOrFormatThatIsNoneOfOursIsReportedInOurWordsNotTheirs() {
        FeedContent p = parse(HEADER
                + "K-1,Werkcafé,,Bijeenkomst,Sollicitatie <b>,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "K-2,Les,,Les,Basisvaardigheden,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "K-3,Les,,Cursus,,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "K-4,Les,,Cursus,Basisvaardigheden,,,per post,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "K-5,Les,,COURSE,work,,,Online,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "K-1,,,,,,,,,,Bieb,,,,2026-12-08 14:00,2026-12-08 16:00,5\n");
        List<String> messages = p.problems().stream().map(x -> x.externalId() + " " + x.message()).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("K-1 programme_line is geen van onze waarden: kies uit Basisvaardigheden")
                && messages.get(0).contains("Eigen categorieën") && !messages.get(0).contains("Sollicitatie"), "never the partner's text: " + messages.get(0));
        assertTrue(messages.get(1).startsWith("K-2 kind is geen van onze waarden: kies uit Cursus") && !messages.get(1).contains("Eigen"), messages.get(1));
        assertTrue(messages.get(2).startsWith("K-3 programme_line is leeg"), messages.get(2));
        assertTrue(messages.get(3).startsWith("K-4 format is geen van onze waarden"), messages.get(3));
        assertEquals(List.of("K-5"), p.offers().stream().map(o -> o.externalId()).toList(),
                "codes and labels in any case are ours; K-1's second date is no offer without its first row");
        assertEquals("WORK", p.offers().get(0).input().programmeLine());
        assertEquals("ONLINE", p.offers().get(0).input().format());
    }

    @Test
    void missingColumnsRejectTheFeedClearly() {
        FeedContent p = parse("external_id,title\nX,Y\n");
        assertEquals(0, p.offers().size());
        assertTrue(p.problems().get(0).message().contains("ontbreken"));
    }

    @Test
    void anUnclosedQuoteKeepsTheRowsBeforeIt() {
        FeedContent p = parse(HEADER
                + "TH-1,Goed,,Cursus,Basisvaardigheden,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n"
                + "TH-2,\"Kapot,,Cursus,Basisvaardigheden,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,5\n");
        assertEquals(1, p.offers().size());
        assertEquals(1, p.problems().size());
    }

    @Test
    void emptyNonUtf8AndBomFeeds() {
        assertTrue(parse("").problems().get(0).message().contains("leeg"));
        byte[] latin1 = (HEADER + "TH-1,Caf\u00e9,,Cursus,BASIC_SKILLS,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(CsvFeed.parse("s", latin1).problems().get(0).message().contains("UTF-8"));
        assertEquals(1, parse("\uFEFF" + HEADER + "TH-1,Goed,,Cursus,BASIC_SKILLS,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,\n").offers().size());
    }

    @Test
    void hostileTextIsKeptAsTextForTheTemplatesToEscape() {
        FeedContent p = parse(HEADER + "X,<script>alert(1)</script>,,Cursus,BASIC_SKILLS,,,,,,\"<b>Bieb</b>\",,,,2026-12-01 14:00,2026-12-01 16:00,\n");
        assertEquals("<script>alert(1)</script>", p.offers().get(0).input().title());
    }

    @Test
    void tooManyRowsAreCutOffAndReported() {
        StringBuilder csv = new StringBuilder(HEADER);
        String row = "TH-%d,Titel,,Cursus,BASIC_SKILLS,,,,,,Bieb,,,,2026-12-01 14:00,2026-12-01 16:00,\n";
        for (int i = 0; i < CsvFeed.MAX_ROWS + 10; i++) csv.append(String.format(row, i));
        FeedContent p = parse(csv.toString());
        assertTrue(p.offers().size() <= CsvFeed.MAX_ROWS);
        assertTrue(p.problems().stream().anyMatch(x -> x.message().contains("Meer dan")));
    }

    @Test
    void feedConfigIsStrict() {
        assertEquals(2, FeedConfig.parse("a|org|https://x.nl/a.csv, b|org|http://localhost:8080/b.csv").size());
        assertEquals(0, FeedConfig.parse("").size());
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.parse("a|org"));
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.parse("a|org|file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.parse("A B|org|https://x.nl"));
    }

    @Test
    void aFeedNamesItsFormatOrIsCsv() {
        List<FeedConfig> feeds = FeedConfig.parse("a|org|https://x.nl/a.csv,b|org|https://x.nl/b.ics|ical,c|org|https://x.nl/c.ics| ICS ,d|org|https://x.nl/d|,"
                + "e|org|https://x.nl/agenda|schemaorg,f|org|https://x.nl/e.json|JSON-LD,g|org|https://x.nl/ooapi/offerings|ooapi");
        assertEquals(List.of(FeedConfig.Format.CSV, FeedConfig.Format.ICAL, FeedConfig.Format.ICAL, FeedConfig.Format.CSV,
                        FeedConfig.Format.SCHEMA_ORG, FeedConfig.Format.SCHEMA_ORG, FeedConfig.Format.OOAPI),
                feeds.stream().map(FeedConfig::format).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeedConfig.parse("a|org|https://x.nl/a|xlsx"));
        assertTrue(e.getMessage().contains("csv, ical, schemaorg or ooapi"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.parse("a|org|https://x.nl/a|ical|extra"));
    }
}
