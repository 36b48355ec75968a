package nl.ontwikkelplein.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffAccounts;
import nl.ontwikkelplein.domain.StaffMember;

/** Staff accounts in SQLite (EditorsTable's STAFF items). */
public final class SqliteStaff implements StaffAccounts {
    private static final String COLUMNS = "id, email, name, role, organisation_ids, created_at, revoked_at";

    private final SqliteDatabase database;
    private final Clock clock;
    private final String table;

    public SqliteStaff(SqliteDatabase database, Clock clock, String table) {
        this.database = database;
        this.clock = clock;
        this.table = table;
    }

    @Override
    public Optional<StaffMember> byEmail(String email) {
        return database.read(c -> one(c, "email", email));
    }

    @Override
    public Optional<StaffMember> byId(String id) {
        return database.read(c -> one(c, "id", id));
    }

    @Override
    public List<StaffMember> all() {
        return database.read(c -> {
            List<StaffMember> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM staff ORDER BY name, id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(member(r));
            }
            return out;
        });
    }

    @Override
    public void create(StaffMember m) {
        database.write(c -> {
            if (one(c, "id", m.id()).isPresent() || one(c, "email", m.email()).isPresent())
                throw ConflictException.of(ConflictException.Reason.DUPLICATE, "of this staff member", null);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO staff (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, m.id());
                p.setString(2, m.email());
                bindChangeable(p, 3, m);
                p.setString(6, m.createdAt().toString());
                p.setString(7, m.revokedAt() == null ? null : m.revokedAt().toString());
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.INSERT, ChangeLog.keys("STAFF#" + m.id(), "STAFF"), null, null, false, clock.instant());
            return null;
        });
    }

    @Override
    public void update(StaffMember m) {
        database.write(c -> {
            if (one(c, "id", m.id()).isEmpty()) throw new NotFoundException("Staff member " + m.id() + " does not exist.");
            try (PreparedStatement p = c.prepareStatement("UPDATE staff SET name = ?, role = ?, organisation_ids = ?, revoked_at = ? WHERE id = ?")) {
                bindChangeable(p, 1, m);
                p.setString(4, m.revokedAt() == null ? null : m.revokedAt().toString());
                p.setString(5, m.id());
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.MODIFY, ChangeLog.keys("STAFF#" + m.id(), "STAFF"), null, null, false, clock.instant());
            return null;
        });
    }

    private static void bindChangeable(PreparedStatement p, int first, StaffMember m) throws SQLException {
        p.setString(first, m.name());
        p.setString(first + 1, m.role().name());
        p.setString(first + 2, Json.strings(m.organisationIds()));
    }

    /** @param column a column name from this class, never input */
    private static Optional<StaffMember> one(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM staff WHERE " + column + " = ?")) {
            p.setString(1, value);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(member(r)) : Optional.empty();
            }
        }
    }

    private static StaffMember member(ResultSet r) throws SQLException {
        String revoked = r.getString(7);
        return new StaffMember(r.getString(1), r.getString(2), r.getString(3), Role.valueOf(r.getString(4)),
                Json.strings(r.getString(5)), Instant.parse(r.getString(6)), revoked == null ? null : Instant.parse(revoked));
    }
}
