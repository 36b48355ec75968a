package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Ons aanbod" with 60 offers: pages of 25, search, status and location filters, and odd query strings. */
@LocalStackTest
class OfferListTest {
    static TestStack stack;

    @BeforeAll
    static void data() {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        for (String id : List.of("noord", "zuid"))
            stores.catalog().saveLocation(new Location(id, "bieb-a", "Vestiging " + id, Location.LocationKind.BRANCH,
                    new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        OfferService offers = new OfferService(stores.catalog(), Clock.systemUTC());
        LocalDateTime start = LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 60; i++) {
            String place = i % 3 == 0 ? "zuid" : "noord";
            offers.create(new OfferInput("bieb-a", String.format("Cursus %02d", i), i == 7 ? "Over breien en haken" : null, null, "COURSE",
                    "BASIC_SKILLS", List.of(), List.of(), null, 0L, null, null, null,
                    List.of(new OfferInput.SessionInput(null, start.toString(), start.plusHours(1).toString(), place, 10, null)),
                    i < 5 ? "DRAFT" : "PUBLISHED"));
        }
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), Instant.now(), null));
    }

    @Test
    void pagesSearchAndFiltersWorkTogether() throws Exception {
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        HttpResponse<String> first = anna.get("/beheer/aanbod");
        assertTrue(first.body().contains("Aanbod 1 tot en met 25 van 60."), first.body());
        assertEquals(25, rows(first.body()));
        assertTrue(first.body().contains("rel=\"next\" href=\"/beheer/aanbod?organisatie=bieb-a&amp;pagina=2\""));
        HttpResponse<String> last = anna.get("/beheer/aanbod?organisatie=bieb-a&pagina=3");
        assertEquals(10, rows(last.body()));
        assertFalse(last.body().contains("rel=\"next\""));
        assertEquals(10, rows(anna.get("/beheer/aanbod?pagina=999").body()), "past the end: the last page");
        assertEquals(25, rows(anna.get("/beheer/aanbod?pagina=abc").body()), "not a number: the first page");

        assertTrue(anna.get("/beheer/aanbod?status=DRAFT").body().contains("Aanbod 1 tot en met 5 van 5."));
        assertTrue(anna.get("/beheer/aanbod?locatie=zuid").body().contains("van 20."), "every third offer is in the south");
        HttpResponse<String> both = anna.get("/beheer/aanbod?locatie=zuid&status=DRAFT");
        assertTrue(both.body().contains("Aanbod 1 tot en met 2 van 2."), "drafts 0 and 3");
        assertTrue(both.body().contains("Concept"));
        HttpResponse<String> search = anna.get("/beheer/aanbod?zoek=BREIEN");
        assertEquals(1, rows(search.body()));
        assertTrue(search.body().contains("Cursus 07"));
        HttpResponse<String> hostile = anna.get("/beheer/aanbod?zoek=%3Cscript%3Ealert(1)%3C%2Fscript%3E&status=%22%3E&locatie=..%2F");
        assertEquals(200, hostile.statusCode());
        assertFalse(hostile.body().contains("<script>alert(1)"));
        assertTrue(hostile.body().contains("Niets gevonden voor ‘&lt;script&gt;alert(1)&lt;/script&gt;’."));
        assertEquals(200, anna.get("/beheer/aanbod?zoek=" + "x".repeat(5000)).statusCode(), "a long query is cut, not an error");
    }

    private static int rows(String html) {
        return html.split("<tr class=\"utrecht-table__row\">", -1).length - 2; // minus the text before, minus the header row
    }
}
