package nl.ontwikkelplein.store.dynamodb;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.PartnerFeedsContract;

/** The PartnerFeeds contract on the DynamoDB adapter; skipped unless {@value DynamoFixture#VARIABLE} is set. */
class DynamoPartnerFeedsContractTest extends PartnerFeedsContract {
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
