package nl.ontwikkelplein.store.dynamodb;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.AuditLogContract;

/** The AuditLog contract on the DynamoDB adapter; skipped unless {@value DynamoFixture#VARIABLE} is set. */
class DynamoAuditLogContractTest extends AuditLogContract {
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
