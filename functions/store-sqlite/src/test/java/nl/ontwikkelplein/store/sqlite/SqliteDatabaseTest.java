package nl.ontwikkelplein.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.ontwikkelplein.domain.Organisation;
import org.junit.jupiter.api.Test;

/** The file, its journal mode, its migrations, and what survives closing it. */
class SqliteDatabaseTest {

    private static String scalar(SqliteDatabase db, String sql) {
        return db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
                r.next();
                return r.getString(1);
            }
        });
    }

    @Test
    void aNewFileGetsTheSchemaInWalModeAndKeepsItsDataWhenOpenedAgain() throws Exception {
        Path dir = Files.createTempDirectory("ontwikkelplein-sqlite-");
        Path file = dir.resolve("nested").resolve("data.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertEquals("wal", scalar(db, "PRAGMA journal_mode"));
            assertEquals(Migrations.ALL.stream().map(Migrations.Migration::version).toList(), db.read(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT version FROM schema_migrations ORDER BY version")) {
                    List<Integer> versions = new java.util.ArrayList<>();
                    while (r.next()) versions.add(r.getInt(1));
                    return versions;
                }
            }));
            SqliteStores.on(db, Clock.systemUTC()).catalog().saveOrganisation(new Organisation("bieb", "Bieb", null));
        }
        assertTrue(Files.isRegularFile(file));
        try (SqliteDatabase again = SqliteDatabase.open(file)) {
            assertEquals(List.of(new Organisation("bieb", "Bieb", null)), SqliteStores.on(again, Clock.systemUTC()).catalog().organisations());
            assertEquals(String.valueOf(Migrations.ALL.size()), scalar(again, "SELECT count(*) FROM schema_migrations"), "migrations ran once");
        } finally {
            SqliteFixture.delete(dir);
        }
    }

    @Test
    void aDatabaseFromNewerCodeIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("ontwikkelplein-sqlite-");
        Path file = dir.resolve("data.db");
        try {
            try (SqliteDatabase db = SqliteDatabase.open(file)) {
                db.write(c -> {
                    try (var s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO schema_migrations (version, resource, applied_at) VALUES (999, 'future', 'x')");
                    }
                    return null;
                });
            }
            StoreException e = assertThrows(StoreException.class, () -> SqliteDatabase.open(file));
            assertTrue(e.getMessage().contains("schema version 999"), e.getMessage());
        } finally {
            SqliteFixture.delete(dir);
        }
    }

    @Test
    void aFailedWriteRollsBackEverything() throws Exception {
        try (SqliteFixture fixture = new SqliteFixture()) {
            assertThrows(IllegalStateException.class, () -> fixture.database.write(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO organisations (id, name) VALUES ('half', 'Half')");
                }
                throw new IllegalStateException("refused halfway");
            }));
            assertTrue(fixture.stores().catalog().organisations().isEmpty());
            assertThrows(StoreException.class, () -> fixture.database.write(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
        }
    }

    @Test
    void aWriterThatGetsNoTurnSaysSoInsteadOfWaitingForever() throws Exception {
        try (SqliteFixture fixture = new SqliteFixture()) {
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1), release = new java.util.concurrent.CountDownLatch(1);
            Thread holder = new Thread(() -> fixture.database.write(c -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            try {
                assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
                StoreException e = assertThrows(StoreException.class, () -> fixture.database.write(c -> null, 100));
                assertTrue(e.getMessage().contains("no turn to write in 100 ms"), e.getMessage());
            } finally {
                release.countDown();
                holder.join(10_000);
            }
            assertEquals("ok", fixture.database.write(c -> "ok", 100), "its turn comes once the other is done");
        }
    }

    @Test
    void migrationFilesSplitIntoStatements() {
        List<String> statements = Migrations.statements(Migrations.ALL.get(0).resource());
        assertTrue(statements.stream().allMatch(s -> s.startsWith("CREATE")), statements.toString());
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE change_log")));
    }
}
