package nl.ontwikkelplein.store.sqlite;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.WaitlistContract;

/** The Waitlist contract on the SQLite adapter. */
class SqliteWaitlistContractTest extends WaitlistContract {
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
