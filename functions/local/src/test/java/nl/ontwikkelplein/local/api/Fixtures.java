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
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.store.DynamoCatalog;
import nl.ontwikkelplein.store.DynamoEditorTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Test data written through the real store into the real local tables. */
final class Fixtures {
    static final String ORG = "bibliotheek-test";
    static final String OTHER_ORG = "bibliotheek-elders";
    static final String LOCATION = "test-vestiging";

    private Fixtures() {}

    static Catalog catalog(TestStack stack) {
        return new DynamoCatalog(stack.stack().dynamo(), "CatalogTable");
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
        LocalDateTime start = LocalDateTime.now().plusDays(days).withHour(14).withMinute(0).withSecond(0).withNano(0);
        OfferInput input = new OfferInput(ORG, title, "Korte uitleg.", "Lange uitleg.", "COURSE", "BASIC_SKILLS",
                List.of("digitale vaardigheden"), List.of("volwassenen"), "IN_PERSON", 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.toString(), start.plusHours(2).toString(), LOCATION, seats, null)));
        return new OfferService(catalog(stack), Clock.systemUTC()).create(input);
    }

    static String token(TestStack stack, Editor.Role role, List<String> organisations) {
        Instant now = Instant.now();
        return new EditorAuth(new DynamoEditorTokens(stack.stack().dynamo(), "EditorsTable"), Clock.systemUTC())
                .issue(new Editor("Test " + role, role, organisations, now, now.plus(Duration.ofDays(1))));
    }

    /** Every item of a table, to prove that a refused request wrote nothing. */
    static List<Map<String, AttributeValue>> scan(TestStack stack, String table) {
        DynamoDbClient dynamo = stack.stack().dynamo();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        items.sort((a, b) -> (a.get("pk").s() + a.get("sk").s()).compareTo(b.get("pk").s() + b.get("sk").s()));
        return items;
    }

    static String enrolPath(Offer offer) {
        return "/api/offers/" + offer.id() + "/sessions/" + offer.sessions().get(0).id() + "/enrolments";
    }
}
