package nl.ontwikkelplein.store.sqlite;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.OutboxContract;

/** The Outbox contract on the SQLite adapter. */
class SqliteOutboxContractTest extends OutboxContract {
    private SqliteFixture fixture;

    @Override
    protected Stores open() throws Exception {
        fixture = new SqliteFixture();
        return fixture.stores();
    }

    @Override
    protected void close() throws Exception {
        fixture.close();
    }
}
