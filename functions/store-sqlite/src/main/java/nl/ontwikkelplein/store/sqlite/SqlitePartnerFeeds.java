package nl.ontwikkelplein.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeeds;
import nl.ontwikkelplein.domain.PartnerImport;

/**
 * Partner feeds and their runs in SQLite. Not in the change log: like DynamoDB's EditorsTable,
 * where they live in AWS, nothing reads a stream of them, and an unchanged import must add no rows there.
 */
public final class SqlitePartnerFeeds implements PartnerFeeds {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<PartnerFeed.CategoryRule>> RULES = new TypeReference<>() {};
    private static final String FEED_COLUMNS = "id, organisation_id, url, format, schedule, categories, created_at, updated_at";

    private final SqliteDatabase database;

    public SqlitePartnerFeeds(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public List<PartnerFeed> all() {
        return database.read(c -> {
            List<PartnerFeed> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + FEED_COLUMNS + " FROM partner_feeds ORDER BY id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(feed(r));
            }
            return out;
        });
    }

    @Override
    public Optional<PartnerFeed> feed(String id) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + FEED_COLUMNS + " FROM partner_feeds WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(feed(r)) : Optional.empty();
                }
            }
        });
    }

    private static PartnerFeed feed(ResultSet r) throws SQLException {
        return new PartnerFeed(r.getString(1), r.getString(2), r.getString(3), r.getString(4), PartnerFeed.Schedule.valueOf(r.getString(5)),
                read(r.getString(6), RULES), instant(r.getString(7)), instant(r.getString(8)));
    }

    @Override
    public void save(PartnerFeed feed) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("organisation_id", feed.organisationId());
        values.put("url", feed.url());
        values.put("format", feed.format());
        values.put("schedule", feed.schedule().name());
        values.put("categories", write(feed.categories()));
        values.put("created_at", feed.createdAt() == null ? null : feed.createdAt().toString());
        values.put("updated_at", feed.updatedAt() == null ? null : feed.updatedAt().toString());
        database.write(c -> Rows.upsert(c, "partner_feeds", Map.of("id", feed.id()), values));
    }

    @Override
    public boolean remove(String id) {
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM feed_runs WHERE feed_id = ?")) {
                p.setString(1, id);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM partner_feeds WHERE id = ?")) {
                p.setString(1, id);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void recordRun(FeedRun run) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO feed_runs (feed_id, started_ms, finished_at, failure, report, rejected_total)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, run.feedId());
                p.setLong(2, run.startedAt().toEpochMilli());
                p.setString(3, run.finishedAt() == null ? null : run.finishedAt().toString());
                p.setString(4, run.failure());
                p.setString(5, run.report() == null ? null : write(run.report()));
                p.setInt(6, run.rejectedTotal());
                p.executeUpdate();
            }
            trim(c, run.feedId());
            return null;
        });
    }

    private static void trim(Connection c, String feedId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM feed_runs WHERE feed_id = ? AND started_ms NOT IN"
                + " (SELECT started_ms FROM feed_runs WHERE feed_id = ? ORDER BY started_ms DESC LIMIT ?)")) {
            p.setString(1, feedId);
            p.setString(2, feedId);
            p.setInt(3, FeedRun.KEPT_PER_FEED);
            p.executeUpdate();
        }
    }

    @Override
    public List<FeedRun> runs(String feedId, int limit) {
        return database.read(c -> {
            List<FeedRun> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT started_ms, finished_at, failure, report, rejected_total FROM feed_runs"
                    + " WHERE feed_id = ? ORDER BY started_ms DESC LIMIT ?")) {
                p.setString(1, feedId);
                p.setInt(2, Math.max(0, limit));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String report = r.getString(4);
                        out.add(new FeedRun(feedId, Instant.ofEpochMilli(r.getLong(1)), instant(r.getString(2)), r.getString(3),
                                report == null ? null : read(report, PartnerImport.Report.class), r.getInt(5)));
                    }
                }
            }
            return out;
        });
    }

    private static Instant instant(String s) { return s == null ? null : Instant.parse(s); }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable JSON in partner_feeds", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable JSON in feed_runs", e);
        }
    }
}
