package nl.ontwikkelplein.sitebuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lists an offer page keeps in its metadata: compact, lossless while short, never narrower than the truth. */
class ListingsTest {
    private static SortedSet<String> of(String... folders) { return new TreeSet<>(java.util.List.of(folders)); }

    @Test
    void aUnionHasTheFoldersOfBothAndEverythingWinsOverAll() {
        String a = Listings.encode(of("thema/taal/", "zoeken/plaats-hardenberg/"));
        String b = Listings.encode(of("thema/taal/", "zoeken/plaats-dedemsvaart/"));
        assertEquals(of("thema/taal/", "zoeken/plaats-dedemsvaart/", "zoeken/plaats-hardenberg/"), Listings.decode(Listings.union(a, b)));
        assertEquals(Listings.EVERYTHING, Listings.union(a, Listings.EVERYTHING));
        assertEquals(Listings.EVERYTHING, Listings.union("9:kapot", a), "an unreadable listing means every list");
        assertEquals(Listings.decode(a), Listings.decode(Listings.union(a, "")));
    }

    @Test
    void aWeeklyCourseFitsInAFewHundredBytesAndComesBackExactly() {
        SortedSet<String> folders = of("bibliotheek/bibliotheek-hardenberg/", "thema/taal/", "lijn/basisvaardigheden/", "leren/nederlands-leren/");
        for (int w = 40; w < 52; w++) {
            folders.add("agenda/week/2026-" + w + "/");
            folders.add("bibliotheek/bibliotheek-hardenberg/week/2026-" + w + "/");
            folders.add("vestiging/hardenberg-centrum/week/2026-" + w + "/");
            folders.add("agenda/2026-" + String.format("%02d", w % 12 + 1) + "-" + String.format("%02d", w % 28 + 1) + "/");
        }
        String encoded = Listings.encode(folders);
        assertTrue(encoded.length() < 700, encoded.length() + ": " + encoded);
        assertTrue(encoded.matches("[a-z0-9 :/*-]+"), "safe as an HTTP header value");
        assertEquals(folders, Listings.decode(encoded));
        assertEquals(of(), Listings.decode(Listings.encode(of())));
    }

    @Test
    void tooManyDatesBecomeWildcardsThatCoverThem() {
        SortedSet<String> folders = of("thema/taal/", "bibliotheek/org/");
        for (int d = 0; d < 400; d++) {
            java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 1).plusDays(d);
            folders.add("agenda/" + day + "/");
            folders.add("agenda/week/" + nl.ontwikkelplein.web.site.PublicSite.week(day) + "/");
            folders.add("bibliotheek/org/week/" + nl.ontwikkelplein.web.site.PublicSite.week(day) + "/");
        }
        String encoded = Listings.encode(folders);
        assertTrue(encoded.length() <= Listings.MAX_LENGTH);
        assertEquals(of("agenda/*", "bibliotheek/org/", "bibliotheek/org/week/*", "thema/taal/"), Listings.decode(encoded));
    }

    @Test
    void somethingUnreadableMeansEverything() {
        assertEquals(of(Listings.EVERYTHING), Listings.decode("12:abc"), "refers to more than came before");
        assertEquals(of(Listings.EVERYTHING), Listings.decode("x:y"));
        assertEquals(of(Listings.EVERYTHING), Listings.decode("*"));
        assertEquals(of(), Listings.decode(null), "no page online: no lists");
        SortedSet<String> huge = new TreeSet<>();
        for (int i = 0; i < 500; i++) huge.add("thema/thema-nummer-" + i + "/");
        assertEquals(Listings.EVERYTHING, Listings.encode(huge));
    }
}
