package nl.ontwikkelplein.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.ontwikkelplein.domain.RateLimits;

/** Fixed-window counters in SQLite (EditorsTable's RATE# items): one atomic increment per request. */
public final class SqliteRateLimits implements RateLimits {
    private final SqliteDatabase database;
    private final Clock clock;
    private final String table;

    public SqliteRateLimits(SqliteDatabase database, Clock clock, String table) {
        this.database = database;
        this.clock = clock;
        this.table = table;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        long seconds = window.toSeconds();
        long start = RateLimits.windowStart(window, now);
        int count = database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO rate_limits (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)"
                    + " ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count")) {
                p.setString(1, key);
                p.setLong(2, start);
                p.setLong(3, start + 2 * seconds);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    int n = r.getInt(1);
                    ChangeLog.append(c, table, n == 1 ? ChangeLog.INSERT : ChangeLog.MODIFY,
                            ChangeLog.keys("RATE#" + key + "#" + start, "RATE"), null, null, false, clock.instant());
                    return n;
                }
            }
        });
        return count <= limit;
    }
}
