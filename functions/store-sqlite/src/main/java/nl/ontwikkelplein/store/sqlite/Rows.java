package nl.ontwikkelplein.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Insert-or-update of one row that tells what happened, as DynamoDB Streams would: a new row is an
 * INSERT, a changed one a MODIFY, and writing a row unchanged is no event at all. Table and column
 * names come from this package's code, never from input.
 */
final class Rows {
    private Rows() {}

    /** @return {@link ChangeLog#INSERT}, {@link ChangeLog#MODIFY}, or null when the row was already so */
    static String upsert(Connection c, String table, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        Map<String, Object> current = select(c, table, key, values.keySet().stream().toList());
        if (current == null) {
            Map<String, Object> all = new LinkedHashMap<>(key);
            all.putAll(values);
            String columns = String.join(", ", all.keySet());
            String marks = String.join(", ", all.keySet().stream().map(k -> "?").toList());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                bind(p, 1, new ArrayList<>(all.values()));
                p.executeUpdate();
            }
            return ChangeLog.INSERT;
        }
        boolean same = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Objects.equals(normal(current.get(e.getKey())), normal(e.getValue()))) same = false;
        }
        if (same) return null;
        update(c, table, key, values);
        return ChangeLog.MODIFY;
    }

    static void update(Connection c, String table, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        String sets = String.join(", ", values.keySet().stream().map(k -> k + " = ?").toList());
        try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET " + sets + " WHERE " + where(key))) {
            List<Object> args = new ArrayList<>(values.values());
            args.addAll(key.values());
            bind(p, 1, args);
            p.executeUpdate();
        }
    }

    /** The named columns of the row with this key, or null when there is none. */
    static Map<String, Object> select(Connection c, String table, Map<String, Object> key, List<String> columns) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE " + where(key))) {
            bind(p, 1, new ArrayList<>(key.values()));
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return null;
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) row.put(columns.get(i), r.getObject(i + 1));
                return row;
            }
        }
    }

    private static String where(Map<String, Object> key) {
        return String.join(" AND ", key.keySet().stream().map(k -> k + " = ?").toList());
    }

    static void bind(PreparedStatement p, int first, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) p.setObject(first + i, values.get(i));
    }

    /** SQLite hands back integers as Integer or Long and reals as Double: compare them by value. */
    private static Object normal(Object value) {
        if (value instanceof Double || value instanceof Float) return ((Number) value).doubleValue();
        if (value instanceof Number n) return n.longValue();
        return value;
    }
}
