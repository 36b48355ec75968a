package nl.ontwikkelplein.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Price;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The offer item's attributes for what only imports carry: a period instead of dates, an unknown price. */
class CatalogItemsTest {
    private static Offer offer(Offer.Period period) {
        return new Offer("roc-b1", "bieb", "Nederlands B1", null, null, OfferKind.COURSE, null, List.of(), List.of(), null, Price.UNKNOWN,
                "ROC", null, null, new Offer.Source("roc", "B1", "hash"), Instant.parse("2026-12-01T10:00:00Z"), List.of(), null, null,
                List.of("nl"), period);
    }

    @Test
    void aPeriodAndAnUnknownPriceRoundTrip() {
        Offer withPlace = offer(new Offer.Period(LocalDate.of(2027, 9, 6), LocalDate.of(2028, 1, 28), "loc-roc"));
        Map<String, AttributeValue> item = CatalogItems.offer(withPlace);
        assertEquals("2027-09-06", item.get("periodStart").s());
        assertEquals("2028-01-28", item.get("periodEnd").s());
        assertEquals("-1", item.get("priceCents").n());
        assertEquals(withPlace, CatalogItems.toOffer(item, List.of()));

        Offer online = offer(new Offer.Period(LocalDate.of(2027, 9, 6), LocalDate.of(2027, 9, 6), null));
        assertFalse(CatalogItems.offer(online).containsKey("periodLocation"));
        assertEquals(online, CatalogItems.toOffer(CatalogItems.offer(online), List.of()));

        Map<String, AttributeValue> none = CatalogItems.offer(offer(null));
        assertFalse(none.containsKey("periodStart"));
        assertNull(CatalogItems.toOffer(none, List.of()).period());
    }
}
