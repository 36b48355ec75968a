package nl.ontwikkelplein.store.dynamodb;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.ParticipantsContract;

/** The Participants contract on the DynamoDB adapter; skipped unless {@value DynamoFixture#VARIABLE} is set. */
class DynamoParticipantsContractTest extends ParticipantsContract {
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
