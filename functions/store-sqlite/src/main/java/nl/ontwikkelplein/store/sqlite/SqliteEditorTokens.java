package nl.ontwikkelplein.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.EditorTokens;

/** Editor tokens by hash, in SQLite; the token itself is never stored. */
public final class SqliteEditorTokens implements EditorTokens {
    private final SqliteDatabase database;
    private final Clock clock;
    private final String table;

    public SqliteEditorTokens(SqliteDatabase database, Clock clock, String table) {
        this.database = database;
        this.clock = clock;
        this.table = table;
    }

    @Override
    public Optional<Editor> findByTokenHash(String tokenHash) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name, role, organisation_ids, created_at, expires_at FROM editor_tokens WHERE token_hash = ?")) {
                p.setString(1, tokenHash);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    return Optional.of(editor(r));
                }
            }
        });
    }

    private static Editor editor(ResultSet r) throws java.sql.SQLException {
        Object expires = r.getObject(5);
        return new Editor(r.getString(1), Role.valueOf(r.getString(2)), Json.strings(r.getString(3)),
                Instant.parse(r.getString(4)), expires == null ? null : Instant.ofEpochSecond(((Number) expires).longValue()));
    }

    @Override
    public List<StoredToken> all() {
        return database.read(c -> {
            List<StoredToken> out = new java.util.ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, role, organisation_ids, created_at, expires_at, token_id FROM editor_tokens"
                    + " ORDER BY created_at DESC, token_id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new StoredToken(r.getString(6), editor(r)));
            }
            return out;
        });
    }

    @Override
    public boolean revoke(String tokenId) {
        return database.write(c -> {
            String hash = null;
            try (PreparedStatement p = c.prepareStatement("SELECT token_hash FROM editor_tokens WHERE token_id = ?")) {
                p.setString(1, tokenId);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) hash = r.getString(1);
                }
            }
            if (hash == null) return false;
            try (PreparedStatement p = c.prepareStatement("DELETE FROM editor_tokens WHERE token_hash = ?")) {
                p.setString(1, hash);
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.REMOVE, ChangeLog.keys("TOKEN#" + hash, "TOKEN"), null, null, false, clock.instant());
            return true;
        });
    }

    @Override
    public void save(String tokenHash, Editor editor) {
        database.write(c -> {
            if (Rows.select(c, "editor_tokens", Map.of("token_hash", tokenHash), List.of("token_hash")) != null)
                throw ConflictException.of(ConflictException.Reason.DUPLICATE, "of this editor token", null);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO editor_tokens (token_hash, name, role, organisation_ids, created_at, expires_at, token_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, tokenHash);
                p.setString(2, editor.name());
                p.setString(3, editor.role().name());
                p.setString(4, Json.strings(editor.organisationIds()));
                p.setString(5, editor.createdAt().toString());
                p.setObject(6, editor.expiresAt() == null ? null : editor.expiresAt().getEpochSecond());
                p.setString(7, EditorAuth.tokenId(tokenHash));
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.INSERT, ChangeLog.keys("TOKEN#" + tokenHash, "TOKEN"), null, null, false, clock.instant());
            return null;
        });
    }
}
