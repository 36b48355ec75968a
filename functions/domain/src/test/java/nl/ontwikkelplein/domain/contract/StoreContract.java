package nl.ontwikkelplein.domain.contract;

import nl.ontwikkelplein.domain.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The lifecycle every port contract shares: an adapter module subclasses a contract and says how
 * to open its stores (once per class: creating DynamoDB tables takes a while) and close them.
 * {@code open} may skip the class with an assumption, as the DynamoDB suites do without an endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {
    protected Stores stores;

    protected abstract Stores open() throws Exception;

    /** A seat without a waitlist (the seat contracts from before waitlists). */
    protected nl.ontwikkelplein.domain.SeatOutcome take(nl.ontwikkelplein.domain.Enrolment e) {
        return stores.seats().take(e, 0).outcome();
    }

    protected nl.ontwikkelplein.domain.SeatOutcome takeAll(nl.ontwikkelplein.domain.Enrolment e, java.util.List<String> sessionIds,
                                                           java.time.Instant offerUpdatedAt) {
        return stores.seats().takeAll(e, sessionIds, offerUpdatedAt, 0).outcome();
    }

    protected void close() throws Exception {}

    @BeforeAll
    final void openStores() throws Exception {
        stores = open();
    }

    @AfterAll
    final void closeStores() throws Exception {
        if (stores != null) close();
    }
}
