package nl.ontwikkelplein.sitebuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.ontwikkelplein.sitebuilder.ChangePlan.Change;
import nl.ontwikkelplein.sitebuilder.ChangePlan.Kind;
import nl.ontwikkelplein.sitebuilder.ChangePlan.Step;
import org.junit.jupiter.api.Test;

class ChangePlanTest {
    @Test
    void offerAndSessionRecordsBecomeOneStepPerOfferInFirstSeenOrder() {
        ChangePlan plan = ChangePlan.of(List.of(
                new Change("100", "OFFER#klik-en-tik"),   // the offer item
                new Change("200", "OFFER#taalcafe"),
                new Change("300", "OFFER#klik-en-tik"),   // one of its sessions (same pk)
                new Change("400", "OFFER#klik-en-tik")));
        assertEquals(List.of(new Step(Kind.OFFER, "klik-en-tik", "100"), new Step(Kind.OFFER, "taalcafe", "200")), plan.steps());
        assertTrue(plan.home());
        assertEquals("100", plan.firstChange());
        assertFalse(plan.rebuildAll());
        assertEquals(2, plan.offers());
    }

    @Test
    void organisationOrLocationChangesRebuildEverythingOnce() {
        ChangePlan plan = ChangePlan.of(List.of(
                new Change("100", "OFFER#a"),
                new Change("200", "LOC#hardenberg-centrum"),
                new Change("300", "ORG#bibliotheek-hardenberg"),
                new Change("400", "OFFER#b")));
        assertEquals(List.of(new Step(Kind.OFFER, "a", "100"), new Step(Kind.ALL, null, "200"), new Step(Kind.OFFER, "b", "400")), plan.steps());
        assertTrue(plan.rebuildAll());
    }

    @Test
    void unknownKeysChangeNothing() {
        ChangePlan plan = ChangePlan.of(List.of(new Change("100", "TOKEN#abc"), new Change("200", null), new Change("300", "OFFER#")));
        assertTrue(plan.steps().isEmpty());
        assertFalse(plan.home(), "no home page when nothing changed");
        assertNull(plan.firstChange());
        assertEquals(3, plan.ignored());
    }

    @Test
    void firstChangeSkipsIgnoredRecords() {
        ChangePlan plan = ChangePlan.of(List.of(new Change("100", "SOMETHING#else"), new Change("200", "OFFER#a")));
        assertEquals("200", plan.firstChange());
        assertEquals(1, plan.ignored());
    }
}
