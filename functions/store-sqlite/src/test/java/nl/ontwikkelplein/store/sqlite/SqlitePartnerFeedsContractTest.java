package nl.ontwikkelplein.store.sqlite;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.contract.PartnerFeedsContract;

/** The PartnerFeeds contract on the SQLite adapter. */
class SqlitePartnerFeedsContractTest extends PartnerFeedsContract {
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
