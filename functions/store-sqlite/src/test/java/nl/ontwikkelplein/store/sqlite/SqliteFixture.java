package nl.ontwikkelplein.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.ontwikkelplein.domain.Stores;

/** A database file in a fresh temporary directory, deleted again afterwards. */
final class SqliteFixture implements AutoCloseable {
    final Path dir;
    final SqliteDatabase database;

    SqliteFixture() throws IOException {
        dir = Files.createTempDirectory("ontwikkelplein-sqlite-");
        database = SqliteDatabase.open(dir.resolve("ontwikkelplein.db"));
    }

    Stores stores() {
        return SqliteStores.on(database, Clock.systemUTC());
    }

    @Override
    public void close() throws IOException {
        database.close();
        delete(dir);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
