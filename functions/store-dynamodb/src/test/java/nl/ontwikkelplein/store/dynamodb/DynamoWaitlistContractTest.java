package nl.ontwikkelplein.store.dynamodb;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.WaitlistContract;

/** The Waitlist contract on the DynamoDB adapter; skipped unless {@value DynamoFixture#VARIABLE} is set. */
class DynamoWaitlistContractTest extends WaitlistContract {
    private DynamoFixture fixture;

    @Override
    protected Stores open() {
        fixture = DynamoFixture.openOrSkip();
        return fixture.stores();
    }

    @Override
    protected void close() {
        fixture.close();
    }
}
