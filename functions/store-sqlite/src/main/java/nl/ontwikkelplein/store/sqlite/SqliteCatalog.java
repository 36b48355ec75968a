package nl.ontwikkelplein.store.sqlite;

import static nl.ontwikkelplein.domain.Enums.name;
import static nl.ontwikkelplein.domain.Enums.valueOrNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.ConflictException.Reason;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentPolicy;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferChange;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.OfferSummary;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;

/**
 * The catalog in SQLite, with the behaviour of {@code DynamoCatalog}: the same conditional
 * refusals, the same limits, and a change-log row with the DynamoDB item's key for every row that
 * changed, in the same transaction (docs/storage.md).
 */
public final class SqliteCatalog implements Catalog {
    /** DynamoDB's limit on actions in one transaction: kept here so both stores refuse the same updates. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    /** How far ahead the agenda looks, in months (as DynamoCatalog's month partitions). */
    static final int AGENDA_MONTHS = 13;
    private static final DateTimeFormatter UTC_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String OFFER_COLUMNS = "id, organisation_id, title, summary, description, kind, programme_line, themes,"
            + " target_groups, format, price_cents, provider, more_info_url, enrolment_scope, source_id, external_id, content_hash, updated_at,"
            + " status, waitlist_limit, intake, intake_holds_seat, languages, taken_over,"
            + " period_start, period_end, period_location";
    private static final String SESSION_COLUMNS = "id, starts_at, ends_at, location_id, seats, taken, status, note";

    private final SqliteDatabase database;
    private final Clock clock;
    private final String table;

    /** @param table the catalog table's name as the functions know it: change-log rows carry it */
    public SqliteCatalog(SqliteDatabase database, Clock clock, String table) {
        this.database = database;
        this.clock = clock;
        this.table = table;
    }

    static String offerPk(String offerId) { return "OFFER#" + offerId; }

    static String sessionSk(String sessionId) { return "SESSION#" + sessionId; }

    static String utcKey(Instant instant) { return UTC_KEY.format(instant.truncatedTo(ChronoUnit.SECONDS)); }

    @Override
    public void saveOrganisation(Organisation o) {
        database.write(c -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", o.name());
            values.put("website", o.website());
            log(c, Rows.upsert(c, "organisations", Map.of("id", o.id()), values), "ORG#" + o.id(), "ORG");
            return null;
        });
    }

    @Override
    public void saveLocation(Location l) {
        Location.Address a = l.address() == null ? new Location.Address(null, null, null) : l.address();
        database.write(c -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("organisation_id", l.organisationId());
            values.put("name", l.name());
            values.put("kind", l.kind().name());
            values.put("street", a.street());
            values.put("postcode", a.postcode());
            values.put("city", a.city());
            values.put("latitude", l.latitude());
            values.put("longitude", l.longitude());
            values.put("accessibility", Json.strings(l.accessibility().stream().map(Enum::name).toList()));
            log(c, Rows.upsert(c, "locations", Map.of("id", l.id()), values), "LOC#" + l.id(), "LOC");
            return null;
        });
    }

    @Override
    public List<Organisation> organisations() {
        return database.read(c -> {
            List<Organisation> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, website FROM organisations ORDER BY name, id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new Organisation(r.getString(1), r.getString(2), r.getString(3)));
            }
            return out;
        });
    }

    @Override
    public List<Location> locations() {
        return database.read(c -> {
            List<Location> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + LOCATION_COLUMNS + " FROM locations ORDER BY organisation_id, id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(location(r));
            }
            return out;
        });
    }

    @Override
    public Optional<Location> location(String locationId) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + LOCATION_COLUMNS + " FROM locations WHERE id = ?")) {
                p.setString(1, locationId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(location(r)) : Optional.empty();
                }
            }
        });
    }

    private static final String LOCATION_COLUMNS = "id, organisation_id, name, kind, street, postcode, city, latitude, longitude, accessibility";

    private static Location location(ResultSet r) throws SQLException {
        Double lat = r.getObject(8) == null ? null : r.getDouble(8);
        Double lon = r.getObject(9) == null ? null : r.getDouble(9);
        return new Location(r.getString(1), r.getString(2), r.getString(3), Location.LocationKind.valueOf(r.getString(4)),
                new Location.Address(r.getString(5), r.getString(6), r.getString(7)), lat, lon,
                Json.strings(r.getString(10)).stream().map(Location.Accessibility::valueOf).toList());
    }

    @Override
    public Optional<Offer> offer(String offerId) {
        return database.read(c -> offer(c, offerId));
    }

    private static Optional<Offer> offer(Connection c, String offerId) throws SQLException {
        Offer withoutSessions;
        try (PreparedStatement p = c.prepareStatement("SELECT " + OFFER_COLUMNS + " FROM offers WHERE id = ?")) {
            p.setString(1, offerId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return Optional.empty();
                withoutSessions = offer(r, List.of());
            }
        }
        List<Session> sessions = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE offer_id = ? ORDER BY starts_at, id")) {
            p.setString(1, offerId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) sessions.add(session(r, 1));
            }
        }
        return Optional.of(withoutSessions.withSessions(sessions));
    }

    private static Offer offer(ResultSet r, List<Session> sessions) throws SQLException {
        String sourceId = r.getString(15);
        Offer.Source source = sourceId == null ? null : new Offer.Source(sourceId, r.getString(16), r.getString(17), r.getInt(24) == 1);
        String updatedAt = r.getString(18);
        return new Offer(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                valueOrNull(OfferKind.class, r.getString(6)), valueOrNull(ProgrammeLine.class, r.getString(7)),
                Json.strings(r.getString(8)), Json.strings(r.getString(9)), valueOrNull(DeliveryFormat.class, r.getString(10)),
                new Price(r.getLong(11)), r.getString(12), r.getString(13), valueOrNull(EnrolmentScope.class, r.getString(14)),
                source, updatedAt == null ? null : Instant.parse(updatedAt), sessions, OfferStatus.valueOf(r.getString(19)),
                new EnrolmentPolicy(r.getObject(20) == null ? null : r.getInt(20), r.getInt(21) == 1, r.getInt(22) == 1),
                r.getString(23) == null ? null : Json.strings(r.getString(23)),
                r.getString(25) == null ? null : new Offer.Period(java.time.LocalDate.parse(r.getString(25)), java.time.LocalDate.parse(r.getString(26)), r.getString(27)));
    }

    /** A session from the result columns starting at {@code first}, in the order of SESSION_COLUMNS. */
    private static Session session(ResultSet r, int first) throws SQLException {
        Object seats = r.getObject(first + 4);
        return new Session(r.getString(first), LocalDateTime.parse(r.getString(first + 1)), LocalDateTime.parse(r.getString(first + 2)),
                r.getString(first + 3), seats == null ? null : ((Number) seats).intValue(), r.getInt(first + 5),
                Session.SessionStatus.valueOf(r.getString(first + 6)), r.getString(first + 7));
    }

    @Override
    public void createOffer(Offer offer) {
        database.write(c -> {
            create(c, offer);
            return null;
        });
    }

    private void create(Connection c, Offer offer) throws SQLException {
        if (1 + offer.sessions().size() > MAX_TRANSACTION_ITEMS) throw ConflictException.of(Reason.TOO_MANY_CHANGES);
        if (Rows.select(c, "offers", Map.of("id", offer.id()), List.of("id")) != null)
            throw ConflictException.of(Reason.OFFER_EXISTS, offer.id(), null);
        Map<String, Object> row = new LinkedHashMap<>(Map.of("id", offer.id()));
        row.putAll(offerValues(offer));
        insert(c, "offers", row);
        log(c, ChangeLog.INSERT, offerPk(offer.id()), "OFFER");
        for (Session s : offer.sessions()) insertSession(c, offer, s, s.taken());
    }

    @Override
    public void updateOffer(Offer offer) {
        database.write(c -> {
            update(c, offer);
            return null;
        });
    }

    /** The checks of DynamoCatalog.updateOffer's transaction, in the order of its actions. */
    private void update(Connection c, Offer offer) throws SQLException {
        Offer existing = offer(c, offer.id()).orElseThrow(() -> new NotFoundException("Offer " + offer.id() + " does not exist."));
        OfferChange change = OfferChange.of(existing, offer);
        List<Session> removed = change.removed();
        if (1 + offer.sessions().size() + removed.size() > MAX_TRANSACTION_ITEMS)
            throw ConflictException.of(Reason.TOO_MANY_CHANGES);

        for (Session s : offer.sessions()) {
            Session stored = existing.session(s.id()).orElse(null);
            boolean seatsHold = stored == null || s.seats() == null || stored.taken() <= s.seats();
            if (change.guards(s) && (!seatsHold || stored.taken() != change.carried()))
                throw ConflictException.of(Reason.ENROLLED_MEANWHILE);
            if (!seatsHold) throw ConflictException.of(Reason.SEATS_BELOW_TAKEN, offer.id(), s.start());
        }
        for (Session s : removed) {
            if (s.taken() != 0) throw ConflictException.of(Reason.SESSION_HAS_ENROLMENTS, offer.id(), s.start());
        }

        log(c, Rows.upsert(c, "offers", Map.of("id", offer.id()), offerValues(offer)), offerPk(offer.id()), "OFFER");
        for (Session s : offer.sessions()) {
            if (existing.session(s.id()).isPresent()) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("offer_id", offer.id());
                key.put("id", s.id());
                // The seat counter is never written by an edit: only enrolments change it.
                log(c, Rows.upsert(c, "sessions", key, sessionValues(s)), offerPk(offer.id()), sessionSk(s.id()));
            } else {
                insertSession(c, offer, s, s.taken());
            }
        }
        for (Session s : removed) deleteSession(c, offer.id(), s.id());
    }

    @Override
    public boolean removeOfferWithoutEnrolments(Offer offer) {
        if (offer.sessions().size() + 1 > MAX_TRANSACTION_ITEMS) return false;
        String expected = offer.updatedAt() == null ? "" : offer.updatedAt().toString();
        return database.write(c -> {
            Map<String, Object> stored = Rows.select(c, "offers", Map.of("id", offer.id()), List.of("updated_at"));
            if (stored == null || !expected.equals(stored.get("updated_at"))) return false;
            List<String> sessionIds = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, taken FROM sessions WHERE offer_id = ?")) {
                p.setString(1, offer.id());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        if (r.getInt(2) != 0) return false;
                        sessionIds.add(r.getString(1));
                    }
                }
            }
            for (String id : sessionIds) deleteSession(c, offer.id(), id);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM offers WHERE id = ?")) {
                p.setString(1, offer.id());
                p.executeUpdate();
            }
            log(c, ChangeLog.REMOVE, offerPk(offer.id()), "OFFER");
            return true;
        });
    }

    @Override
    public List<AgendaEntry> upcoming(Instant from, int limit) {
        YearMonth first = YearMonth.from(LocalDateTime.ofInstant(from, Session.ZONE));
        Instant until = first.plusMonths(AGENDA_MONTHS).atDay(1).atStartOfDay(Session.ZONE).toInstant();
        return database.read(c -> {
            List<AgendaEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT s.id, s.starts_at, s.ends_at, s.location_id, s.seats, s.taken, s.status, s.note,"
                    + " o.id, o.title, o.kind, o.programme_line, o.format, o.price_cents, o.organisation_id, o.status"
                    + " FROM sessions s JOIN offers o ON o.id = s.offer_id"
                    + " WHERE s.starts_at_utc >= ? AND s.starts_at_utc < ? AND o.status <> 'DRAFT' ORDER BY s.starts_at_utc, s.offer_id, s.id LIMIT ?")) {
                p.setString(1, utcKey(from));
                p.setString(2, utcKey(until));
                p.setInt(3, Math.max(0, limit));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new AgendaEntry(r.getString(9), r.getString(10), valueOrNull(OfferKind.class, r.getString(11)),
                                valueOrNull(ProgrammeLine.class, r.getString(12)), valueOrNull(DeliveryFormat.class, r.getString(13)),
                                new Price(r.getLong(14)), r.getString(15), session(r, 1), OfferStatus.valueOf(r.getString(16))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Offer> publicOffers() {
        return database.read(c -> {
            Map<String, List<Session>> sessions = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT s.offer_id, " + prefixed("s.", SESSION_COLUMNS)
                    + " FROM sessions s JOIN offers o ON o.id = s.offer_id WHERE o.status <> 'DRAFT' ORDER BY s.offer_id, s.starts_at, s.id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) sessions.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(session(r, 2));
            }
            List<Offer> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + OFFER_COLUMNS + " FROM offers WHERE status <> 'DRAFT' ORDER BY id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Offer o = offer(r, List.of());
                    out.add(o.withSessions(sessions.getOrDefault(o.id(), List.of())));
                }
            }
            return out;
        });
    }

    private static String prefixed(String prefix, String columns) {
        return java.util.Arrays.stream(columns.split(",\\s*")).map(col -> prefix + col).collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    public List<Offer> offersOf(String organisationId) {
        return database.read(c -> {
            List<Offer> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + OFFER_COLUMNS + " FROM offers WHERE organisation_id = ? ORDER BY id")) {
                p.setString(1, organisationId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(offer(r, List.of()));
                }
            }
            return out;
        });
    }

    @Override
    public List<OfferSummary> offerSummaries(String organisationId) {
        return database.read(c -> {
            Map<String, java.util.Set<String>> places = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT s.offer_id, s.location_id FROM sessions s JOIN offers o ON o.id = s.offer_id"
                    + " WHERE o.organisation_id = ? AND s.location_id IS NOT NULL")) {
                p.setString(1, organisationId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) places.computeIfAbsent(r.getString(1), k -> new java.util.HashSet<>()).add(r.getString(2));
                }
            }
            List<OfferSummary> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + OFFER_COLUMNS + " FROM offers WHERE organisation_id = ? ORDER BY id")) {
                p.setString(1, organisationId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Offer o = offer(r, List.of());
                        java.util.Set<String> at = new java.util.HashSet<>(places.getOrDefault(o.id(), java.util.Set.of()));
                        if (o.period() != null && o.period().locationId() != null) at.add(o.period().locationId()); // where a period runs
                        out.add(new OfferSummary(o, at));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean upsertImported(Offer offer) {
        Objects.requireNonNull(offer.source(), "an imported offer has a source");
        return database.write(c -> {
            Map<String, Object> current = Rows.select(c, "offers", Map.of("id", offer.id()), List.of("content_hash", "taken_over"));
            if (current == null) {
                create(c, offer);
                return true;
            }
            if (Objects.equals(current.get("content_hash"), offer.source().contentHash())) return false;
            // Taken over by staff since the import read it: theirs now, in the same transaction as this check.
            if (current.get("taken_over") instanceof Number n && n.intValue() == 1) return false;
            update(c, offer);
            return true;
        });
    }

    private static Map<String, Object> offerValues(Offer o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("organisation_id", o.organisationId());
        v.put("title", o.title());
        v.put("summary", o.summary());
        v.put("description", o.description());
        v.put("kind", name(o.kind()));
        v.put("programme_line", name(o.programmeLine()));
        v.put("themes", Json.strings(o.themes()));
        v.put("target_groups", Json.strings(o.targetGroups()));
        v.put("format", o.format().name());
        v.put("price_cents", o.price().cents());
        v.put("provider", o.provider());
        v.put("more_info_url", o.moreInfoUrl());
        v.put("enrolment_scope", o.enrolmentScope().name());
        v.put("source_id", o.source() == null ? null : o.source().sourceId());
        v.put("external_id", o.source() == null ? null : o.source().externalId());
        v.put("content_hash", o.source() == null ? null : o.source().contentHash());
        v.put("taken_over", o.source() != null && o.source().takenOver() ? 1 : 0);
        v.put("updated_at", o.updatedAt() == null ? null : o.updatedAt().toString());
        v.put("status", o.status().name());
        v.put("waitlist_limit", o.enrolmentPolicy().waitlistLimit());
        v.put("intake", o.enrolmentPolicy().intake() ? 1 : 0);
        v.put("intake_holds_seat", o.enrolmentPolicy().requestHoldsSeat() ? 1 : 0);
        v.put("languages", Json.strings(o.languages()));
        v.put("period_start", o.period() == null ? null : o.period().start().toString());
        v.put("period_end", o.period() == null ? null : o.period().end().toString());
        v.put("period_location", o.period() == null ? null : o.period().locationId());
        return v;
    }

    /** The columns an editor controls on a session (not the seat counter). */
    private static Map<String, Object> sessionValues(Session s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("starts_at", s.start().toString());
        v.put("ends_at", s.end().toString());
        v.put("starts_at_utc", utcKey(s.startInstant()));
        v.put("location_id", s.locationId());
        v.put("seats", s.seats());
        v.put("status", s.status().name());
        v.put("note", s.note());
        return v;
    }

    private void insertSession(Connection c, Offer offer, Session s, int taken) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("offer_id", offer.id());
        row.put("id", s.id());
        row.putAll(sessionValues(s));
        row.put("taken", taken);
        insert(c, "sessions", row);
        log(c, ChangeLog.INSERT, offerPk(offer.id()), sessionSk(s.id()));
    }

    private void deleteSession(Connection c, String offerId, String sessionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE offer_id = ? AND id = ?")) {
            p.setString(1, offerId);
            p.setString(2, sessionId);
            if (p.executeUpdate() == 0) return;
        }
        log(c, ChangeLog.REMOVE, offerPk(offerId), sessionSk(sessionId));
    }

    private static void insert(Connection c, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            Rows.bind(p, 1, new ArrayList<>(row.values()));
            p.executeUpdate();
        }
    }

    /** A change-log row for the item with this key, unless nothing changed ({@code eventName} null). */
    private void log(Connection c, String eventName, String pk, String sk) throws SQLException {
        if (eventName == null) return;
        ChangeLog.append(c, table, eventName, ChangeLog.keys(pk, sk), null, null, false, clock.instant());
    }

}
