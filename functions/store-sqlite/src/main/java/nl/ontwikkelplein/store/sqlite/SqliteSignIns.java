package nl.ontwikkelplein.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ontwikkelplein.domain.SignInLink;
import nl.ontwikkelplein.domain.SignIns;
import nl.ontwikkelplein.domain.StaffSession;

/** Sign-in links and staff sessions in SQLite (EditorsTable's SIGNIN# and SESSION# items). */
public final class SqliteSignIns implements SignIns {
    private final SqliteDatabase database;
    private final Clock clock;
    private final String table;

    public SqliteSignIns(SqliteDatabase database, Clock clock, String table) {
        this.database = database;
        this.clock = clock;
        this.table = table;
    }

    @Override
    public void saveLink(SignInLink l) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO sign_in_links (token_hash, staff_id, browser_nonce_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, l.tokenHash());
                p.setString(2, l.staffId());
                p.setString(3, l.browserNonceHash());
                p.setString(4, l.createdAt().toString());
                p.setLong(5, l.expiresAt().getEpochSecond());
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.INSERT, ChangeLog.keys("SIGNIN#" + l.tokenHash(), "SIGNIN"), null, null, false, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<SignInLink> link(String tokenHash) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT staff_id, browser_nonce_hash, created_at, expires_at FROM sign_in_links WHERE token_hash = ?")) {
                p.setString(1, tokenHash);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    return Optional.of(new SignInLink(tokenHash, r.getString(1), r.getString(2), Instant.parse(r.getString(3)), Instant.ofEpochSecond(r.getLong(4))));
                }
            }
        });
    }

    @Override
    public Optional<SignInLink> useLink(String tokenHash, Instant now) {
        return database.write(c -> {
            Optional<SignInLink> found;
            try (PreparedStatement p = c.prepareStatement("SELECT staff_id, browser_nonce_hash, created_at, expires_at FROM sign_in_links WHERE token_hash = ?")) {
                p.setString(1, tokenHash);
                try (ResultSet r = p.executeQuery()) {
                    found = r.next() ? Optional.of(new SignInLink(tokenHash, r.getString(1), r.getString(2), Instant.parse(r.getString(3)),
                            Instant.ofEpochSecond(r.getLong(4)))) : Optional.empty();
                }
            }
            // Expiry is compared in whole seconds, as the DynamoDB condition on the TTL attribute does.
            if (found.isEmpty() || found.get().expiresAt().getEpochSecond() <= now.getEpochSecond()) return Optional.<SignInLink>empty();
            try (PreparedStatement p = c.prepareStatement("DELETE FROM sign_in_links WHERE token_hash = ?")) {
                p.setString(1, tokenHash);
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.REMOVE, ChangeLog.keys("SIGNIN#" + tokenHash, "SIGNIN"), null, null, false, clock.instant());
            return found;
        });
    }

    @Override
    public void saveSession(StaffSession s) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, s.tokenHash());
                p.setString(2, s.staffId());
                p.setString(3, s.createdAt().toString());
                p.setString(4, s.lastSeenAt().toString());
                p.setLong(5, s.expiresAt().getEpochSecond());
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.INSERT, ChangeLog.keys("SESSION#" + s.tokenHash(), "SESSION"), null, null, false, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<StaffSession> session(String tokenHash) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT staff_id, created_at, last_seen_at, expires_at FROM staff_sessions WHERE token_hash = ?")) {
                p.setString(1, tokenHash);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    return Optional.of(new StaffSession(tokenHash, r.getString(1), Instant.parse(r.getString(2)), Instant.parse(r.getString(3)),
                            Instant.ofEpochSecond(r.getLong(4))));
                }
            }
        });
    }

    @Override
    public void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE staff_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?")) {
                p.setString(1, lastSeenAt.toString());
                p.setLong(2, expiresAt.getEpochSecond());
                p.setString(3, tokenHash);
                if (p.executeUpdate() > 0)
                    ChangeLog.append(c, table, ChangeLog.MODIFY, ChangeLog.keys("SESSION#" + tokenHash, "SESSION"), null, null, false, clock.instant());
            }
            return null;
        });
    }

    @Override
    public void endSession(String tokenHash) {
        database.write(c -> {
            delete(c, tokenHash);
            return null;
        });
    }

    @Override
    public void endSessionsOf(String staffId) {
        database.write(c -> {
            List<String> hashes = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT token_hash FROM staff_sessions WHERE staff_id = ?")) {
                p.setString(1, staffId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) hashes.add(r.getString(1));
                }
            }
            for (String hash : hashes) delete(c, hash);
            return null;
        });
    }

    private void delete(java.sql.Connection c, String tokenHash) throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM staff_sessions WHERE token_hash = ?")) {
            p.setString(1, tokenHash);
            if (p.executeUpdate() > 0)
                ChangeLog.append(c, table, ChangeLog.REMOVE, ChangeLog.keys("SESSION#" + tokenHash, "SESSION"), null, null, false, clock.instant());
        }
    }
}
