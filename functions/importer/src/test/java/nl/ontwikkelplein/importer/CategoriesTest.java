package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeed.CategoryRule;
import nl.ontwikkelplein.domain.ProgrammeLine;
import org.junit.jupiter.api.Test;

/** A feed's own category mapping, as the admin sets it, before our words. */
class CategoriesTest {
    static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
    static final PartnerFeed FEED = new PartnerFeed("taalhuis", "bieb", "https://x.example/a", "ical", null, List.of(
            new CategoryRule("Taal & Lezen", ProgrammeLine.BASIC_SKILLS, "lezen en schrijven"),
            new CategoryRule("Sollicitatie", ProgrammeLine.WORK, "werk"),
            new CategoryRule("computer", null, "digitale vaardigheden"),
            new CategoryRule("  ", ProgrammeLine.YOUTH, null)), T, T);
    static final Categories MAPPED = Categories.of(FEED);

    @Test
    void aMappedWordSetsTheLineAndItsThemeOurWordsFillInTheRest() {
        Categories.Mapped m = MAPPED.map(List.of("taal & lezen", "Cursus", "rekenen en geld"));
        assertEquals(ProgrammeLine.BASIC_SKILLS, m.line());
        assertEquals(List.of("lezen en schrijven", "rekenen en geld"), m.themes());
        assertEquals(nl.ontwikkelplein.domain.OfferKind.COURSE, m.kind(), "kinds come from our words");

        assertEquals(ProgrammeLine.WORK, MAPPED.map(List.of("Sollicitatie", "Computer")).line(), "the first mapped word with a line");
        assertEquals(List.of("werk", "digitale vaardigheden"), MAPPED.map(List.of("Sollicitatie", "Computer")).themes());
        assertEquals(ProgrammeLine.ARTS_CULTURE, MAPPED.map(List.of("Sollicitatie", "Kunst en cultuur")).line(), "one of our lines, said outright, wins");
        assertEquals(Categories.DEFAULT_LINE, MAPPED.map(List.of("computer")).line(), "a theme-only mapping leaves the line to the defaults");
        assertEquals(Categories.of(List.of("Taal & Lezen")), Categories.DEFAULT.map(List.of("Taal & Lezen")), "without a mapping: ours only");
        assertEquals(Categories.DEFAULT, Categories.of(new PartnerFeed("x", "bieb", "https://x.example", "csv", null, List.of(), T, T)));
    }

    @Test
    void aCalendarsCategoriesGoThroughTheFeedsMapping() {
        String day = "20261214";
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:a-1",
                "SUMMARY:Voorlezen voor volwassenen", "DTSTART;TZID=Europe/Amsterdam:" + day + "T100000", "DURATION:PT1H",
                "LOCATION:Bibliotheek Oost", "CATEGORIES:Taal & Lezen", "END:VEVENT", "END:VCALENDAR", "");
        FeedContent c = IcalFeed.parse("taalhuis", ics.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-12-07T08:00:00Z"), MAPPED);
        OfferInput in = c.offers().get(0).input();
        assertEquals("BASIC_SKILLS", in.programmeLine());
        assertEquals(List.of("lezen en schrijven"), in.themes());
    }

    @Test
    void aCsvFeedsOwnWordsInItsColumnsAreTranslatedBeforeTheyAreChecked() {
        String csv = "external_id,title,kind,programme_line,themes,location_name,start,end\n"
                + "C-1,Sollicitatietraining,Workshop,Sollicitatie,computer;voorlezen,Bieb,2026-12-14 10:00,2026-12-14 11:00\n"
                + "C-2,Onbekend,Workshop,Kookles,,Bieb,2026-12-14 10:00,2026-12-14 11:00\n";
        FeedContent c = CsvFeed.parse("taalhuis", csv.getBytes(StandardCharsets.UTF_8), MAPPED);
        OfferInput in = c.offers().stream().filter(o -> o.externalId().equals("C-1")).findFirst().orElseThrow().input();
        assertEquals("WORK", in.programmeLine());
        assertEquals(List.of("digitale vaardigheden", "voorlezen"), in.themes());
        // A word nobody mapped is refused with the reason, and the hint where to map it.
        assertEquals(List.of("C-1"), c.offers().stream().map(o -> o.externalId()).toList());
        assertTrue(c.problems().get(0).message().contains("Eigen categorieën"), c.problems().toString());
        FeedContent unmapped = CsvFeed.parse("taalhuis", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, unmapped.problems().size(), "without the mapping neither partner word is ours");
    }
}
