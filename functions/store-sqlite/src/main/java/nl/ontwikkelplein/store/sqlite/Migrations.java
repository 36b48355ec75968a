package nl.ontwikkelplein.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations, applied in order at open, each in its own transaction together
 * with its row in {@code schema_migrations}. A migration is never edited once released: change the
 * schema with a new file here. A database from a newer version of the code is refused, not guessed at.
 */
final class Migrations {
    /** Version and resource, in order. Append only. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "db/migration/V1__initial.sql"),
            new Migration(2, "db/migration/V2__staff.sql"),
            new Migration(3, "db/migration/V3__offer_status.sql"),
            new Migration(4, "db/migration/V4__attendance.sql"),
            new Migration(5, "db/migration/V5__accessibility.sql"),
            new Migration(6, "db/migration/V6__waitlists.sql"),
            new Migration(7, "db/migration/V7__messages.sql"),
            new Migration(8, "db/migration/V8__referrals.sql"),
            new Migration(9, "db/migration/V9__intake.sql"),
            new Migration(10, "db/migration/V10__languages.sql"),
            new Migration(11, "db/migration/V11__taken_over.sql"),
            new Migration(12, "db/migration/V12__partner_feeds.sql"),
            new Migration(13, "db/migration/V13__offer_period.sql"));

    record Migration(int version, String resource) {}

    private Migrations() {}

    static void apply(SqliteDatabase database) {
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "version INTEGER PRIMARY KEY, resource TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            return null;
        });
        int current = database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
        int latest = ALL.get(ALL.size() - 1).version();
        if (current > latest)
            throw new StoreException("the database " + database.file() + " has schema version " + current
                    + ", newer than this code knows (" + latest + "): use a newer build or another data directory", null);
        for (Migration m : ALL) {
            if (m.version() <= current) continue;
            List<String> statements = statements(m.resource());
            database.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) s.executeUpdate(sql);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_migrations (version, resource, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.resource());
                    p.setString(3, Instant.now().toString());
                    p.executeUpdate();
                }
                return null;
            });
        }
    }

    /** The file's statements: separated by semicolons at line ends; lines starting with -- are comments. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("migration " + resource + " is missing from the classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
