package nl.ontwikkelplein.tools.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateEditorTokenTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIssuedInTheLocalDatabaseAuthenticatesAndOnlyItsHashIsStored() {
        Path file = CreateEditorToken.localDatabase(Map.of("ONTWIKKELPLEIN_DATA_DIR", dir.toString()));
        assertEquals(dir.toAbsolutePath().resolve("ontwikkelplein.db"), file);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            var tokens = SqliteStores.on(database, Clock.systemUTC()).editorTokens();
            Editor editor = new Editor("Anna", Role.EDITOR, List.of("bieb"), Instant.now(), Instant.now().plusSeconds(3600));
            String token = CreateEditorToken.issue(tokens, editor);
            assertTrue(new EditorAuth(tokens, Clock.systemUTC()).authenticate("Bearer " + token).isPresent());
            String stored = database.read(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT group_concat(token_hash) FROM editor_tokens")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertTrue(!stored.contains(token.substring(3)), "the token itself is not stored");
        }
    }

    @Test
    void badArgumentsAreExplained() {
        assertEquals("--name is required", assertThrows(IllegalArgumentException.class, () -> CreateEditorToken.parse(new String[]{})).getMessage());
        assertEquals("an EDITOR needs at least one --organisation",
                assertThrows(IllegalArgumentException.class, () -> CreateEditorToken.parse(new String[]{"--name", "A", "--role", "editor"})).getMessage());
        assertEquals("--role is ADMIN or EDITOR",
                assertThrows(IllegalArgumentException.class, () -> CreateEditorToken.parse(new String[]{"--name", "A", "--role", "boss"})).getMessage());
        assertEquals("--days needs a whole number",
                assertThrows(IllegalArgumentException.class, () -> CreateEditorToken.parse(new String[]{"--name", "A", "--days", "x"})).getMessage());
        assertEquals("missing value for --name", assertThrows(IllegalArgumentException.class, () -> CreateEditorToken.parse(new String[]{"--name"})).getMessage());
        assertEquals(new CreateEditorToken.Options("Anna", Role.ADMIN, List.of(), 365, true),
                CreateEditorToken.parse(new String[]{"--name", " Anna ", "--aws"}));
    }
}
