package nl.ontwikkelplein.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Stores;
import org.junit.jupiter.api.Test;

/** A database written by the first release (schema version 1) is upgraded in place and keeps its data. */
class MigrationUpgradeTest {
    @Test
    void aVersionOneDatabaseGetsTheLaterSchemasAndKeepsOffersAndTokens() throws Exception {
        Path dir = Files.createTempDirectory("ontwikkelplein-upgrade-");
        Path file = dir.resolve("old.db");
        String hash = "ab".repeat(32);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : Migrations.statements("db/migration/V1__initial.sql")) s.executeUpdate(sql);
            s.executeUpdate("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, resource TEXT NOT NULL, applied_at TEXT NOT NULL)");
            s.executeUpdate("INSERT INTO schema_migrations VALUES (1, 'db/migration/V1__initial.sql', '2026-01-01T00:00:00Z')");
            s.executeUpdate("INSERT INTO organisations VALUES ('bieb', 'Bieb', NULL)");
            s.executeUpdate("INSERT INTO offers (id, organisation_id, title, themes, target_groups, format, price_cents, enrolment_scope, updated_at)"
                    + " VALUES ('taalcafe', 'bieb', 'Taalcafé', '[]', '[]', 'IN_PERSON', 0, 'PER_SESSION', '2026-01-01T00:00:00Z')");
            s.executeUpdate("INSERT INTO editor_tokens VALUES ('" + hash + "', 'Koppeling', 'EDITOR', '[\"bieb\"]', '2026-01-01T00:00:00Z', NULL)");
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            Stores stores = SqliteStores.on(db, Clock.systemUTC());
            assertEquals(OfferStatus.PUBLISHED, stores.catalog().offer("taalcafe").orElseThrow().status(), "old offers were public: they stay so");
            assertEquals(java.util.List.of("nl"), stores.catalog().offer("taalcafe").orElseThrow().languages(), "and in Dutch");
            assertEquals(EditorAuth.tokenId(hash), stores.editorTokens().all().get(0).tokenId(), "old tokens can be listed and revoked");
            assertTrue(stores.staff().all().isEmpty());
        } finally {
            SqliteFixture.delete(dir);
        }
    }
}
