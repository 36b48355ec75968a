package nl.ontwikkelplein.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import nl.ontwikkelplein.domain.Organisation;
import org.junit.jupiter.api.Test;

/**
 * Another process (an admin command, the sqlite3 shell) may write while the store is open: the
 * store holds SQLite's write lock only during its own write transactions. A second connection of
 * this JVM takes the same file locks as another process would.
 */
class SqliteConcurrentProcessTest {

    @Test
    void anotherWriterGetsInBetweenOurTransactions() throws Exception {
        try (SqliteFixture fixture = new SqliteFixture()) {
            fixture.stores().catalog().saveOrganisation(new Organisation("eerste", "Eerste", null));
            fixture.stores().catalog().organisations();
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + fixture.database.file().toAbsolutePath());
                 Statement s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 2000");
                s.executeUpdate("INSERT INTO organisations (id, name) VALUES ('van-buiten', 'Van buiten')");
            }
            assertEquals(2, fixture.stores().catalog().organisations().size(), "our readers see the other process's row");
            fixture.stores().catalog().saveOrganisation(new Organisation("derde", "Derde", null));
            assertEquals(3, fixture.stores().catalog().organisations().size());
        }
    }

    @Test
    void aWriteInsideAWriteIsRefusedRatherThanCommittingHalfway() throws Exception {
        try (SqliteFixture fixture = new SqliteFixture()) {
            assertThrows(IllegalStateException.class, () -> fixture.database.write(c -> {
                fixture.stores().catalog().saveOrganisation(new Organisation("genest", "Genest", null));
                return null;
            }));
            assertEquals(0, fixture.stores().catalog().organisations().size());
            fixture.stores().catalog().saveOrganisation(new Organisation("daarna", "Daarna", null));
            assertEquals(1, fixture.stores().catalog().organisations().size(), "the writer works again afterwards");
        }
    }
}
