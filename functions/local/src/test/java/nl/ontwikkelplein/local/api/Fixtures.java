package nl.ontwikkelplein.local.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.local.TestStack;

/** Test data written through the real (SQLite) store of the local stack. */
final class Fixtures {
    static final String ORG = "bibliotheek-test";
    static final String OTHER_ORG = "bibliotheek-elders";
    static final String LOCATION = "test-vestiging";

    private Fixtures() {}

    static Catalog catalog(TestStack stack) {
        return stack.stack().stores().catalog();
    }

    static void organisationAndLocation(TestStack stack) {
        Catalog catalog = catalog(stack);
        catalog.saveOrganisation(new Organisation(ORG, "Bibliotheek Test", null));
        catalog.saveOrganisation(new Organisation(OTHER_ORG, "Bibliotheek Elders", null));
        catalog.saveLocation(new Location(LOCATION, ORG, "Bibliotheek Teststad", Location.LocationKind.BRANCH,
                new Location.Address("Dorpsstraat 1", "1234 AB", "Teststad"), 52.5, 6.6));
    }

    /** An offer with one session {@code days} days ahead holding {@code seats} seats (null: walk in). */
    static Offer offer(TestStack stack, String title, Integer seats, int days) {
        return offer(stack, title, seats, days, null);
    }

    /** @param waitlistLimit null: a waitlist without a maximum (the default); 0: none */
    static Offer offer(TestStack stack, String title, Integer seats, int days, Integer waitlistLimit) {
        return offer(stack, title, seats, days, 1, waitlistLimit);
    }

    /** An offer with {@code dates} dates, one a day from {@code days} days ahead. */
    static Offer offer(TestStack stack, String title, Integer seats, int days, int dates, Integer waitlistLimit) {
        LocalDateTime start = LocalDateTime.now().plusDays(days).withHour(14).withMinute(0).withSecond(0).withNano(0);
        List<OfferInput.SessionInput> sessions = new ArrayList<>();
        for (int i = 0; i < dates; i++)
            sessions.add(new OfferInput.SessionInput(null, start.plusDays(i).toString(), start.plusDays(i).plusHours(2).toString(), LOCATION, seats, null));
        OfferInput input = new OfferInput(ORG, title, "Korte uitleg.", "Lange uitleg.", "COURSE", "BASIC_SKILLS",
                List.of("digitale vaardigheden"), List.of("volwassenen"), "IN_PERSON", 0L, null, null, null, sessions, null, waitlistLimit);
        return new OfferService(catalog(stack), Clock.systemUTC()).create(input);
    }

    static String token(TestStack stack, Role role, List<String> organisations) {
        Instant now = Instant.now();
        return new EditorAuth(stack.stack().stores().editorTokens(), Clock.systemUTC())
                .issue(new Editor("Test " + role, role, organisations, now, now.plus(Duration.ofDays(1))));
    }

    /** Every row of a table of the local database, to prove that a refused request wrote nothing. */
    static List<Map<String, Object>> rows(TestStack stack, String table) {
        return stack.stack().database().read(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** The catalog's tables as rows: to compare before and after. */
    static List<List<Map<String, Object>>> catalogRows(TestStack stack) {
        return List.of(rows(stack, "organisations"), rows(stack, "locations"), rows(stack, "offers"), rows(stack, "sessions"));
    }

    static String enrolPath(Offer offer) {
        return "/api/offers/" + offer.id() + "/sessions/" + offer.sessions().get(0).id() + "/enrolments";
    }
}
