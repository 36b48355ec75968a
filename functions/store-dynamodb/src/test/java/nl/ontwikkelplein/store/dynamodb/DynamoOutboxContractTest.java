package nl.ontwikkelplein.store.dynamodb;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.OutboxContract;

/** The Outbox contract on the DynamoDB adapter; skipped unless {@value DynamoFixture#VARIABLE} is set. */
class DynamoOutboxContractTest extends OutboxContract {
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
