package nl.ontwikkelplein.sitebuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import nl.ontwikkelplein.sitebuilder.ChangePlan.Change;
import org.junit.jupiter.api.Test;

class ChangePlanTest {
    @Test
    void offerSessionPlaceAndOrganisationRecordsBecomeOneSetEach() {
        ChangePlan plan = ChangePlan.of(List.of(
                new Change("100", "OFFER#klik-en-tik"),   // the offer item
                new Change("200", "OFFER#taalcafe"),
                new Change("300", "OFFER#klik-en-tik"),   // one of its sessions (same pk)
                new Change("400", "LOC#hardenberg-centrum"),
                new Change("500", "ORG#bibliotheek-hardenberg")));
        assertEquals(Set.of("klik-en-tik", "taalcafe"), plan.changes().offerIds());
        assertEquals(Set.of("hardenberg-centrum"), plan.changes().locationIds());
        assertEquals(Set.of("bibliotheek-hardenberg"), plan.changes().organisationIds());
        assertTrue(plan.anything());
        assertEquals("100", plan.firstChange());
    }

    @Test
    void unknownKeysChangeNothing() {
        ChangePlan plan = ChangePlan.of(List.of(new Change("100", "TOKEN#abc"), new Change("200", null), new Change("300", "OFFER#"),
                new Change("400", "LOC#")));
        assertTrue(plan.changes().isEmpty());
        assertFalse(plan.anything());
        assertNull(plan.firstChange());
        assertEquals(4, plan.ignored());
    }

    @Test
    void firstChangeSkipsIgnoredRecords() {
        ChangePlan plan = ChangePlan.of(List.of(new Change("100", "SOMETHING#else"), new Change("200", "OFFER#a")));
        assertEquals("200", plan.firstChange());
        assertEquals(1, plan.ignored());
    }
}
