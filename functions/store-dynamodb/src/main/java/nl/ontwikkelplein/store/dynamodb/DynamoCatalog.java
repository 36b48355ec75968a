package nl.ontwikkelplein.store.dynamodb;

import static nl.ontwikkelplein.store.dynamodb.CatalogItems.GSI1;
import static nl.ontwikkelplein.store.dynamodb.CatalogItems.GSI1PK;
import static nl.ontwikkelplein.store.dynamodb.CatalogItems.GSI1SK;
import static nl.ontwikkelplein.store.dynamodb.CatalogItems.PK;
import static nl.ontwikkelplein.store.dynamodb.CatalogItems.SK;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferSummary;
import nl.ontwikkelplein.domain.OfferChange;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Session;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The catalog in one DynamoDB table with one overloaded index (docs/dynamodb.md). */
public final class DynamoCatalog implements Catalog {
    /** DynamoDB's limit on actions in one transaction. */
    private static final int MAX_TRANSACTION_ITEMS = 100;
    /** How far ahead the agenda looks, in months. */
    private static final int AGENDA_MONTHS = 13;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void saveOrganisation(Organisation organisation) {
        dynamo.putItem(b -> b.tableName(table).item(CatalogItems.organisation(organisation)));
    }

    @Override
    public void saveLocation(Location location) {
        dynamo.putItem(b -> b.tableName(table).item(CatalogItems.location(location)));
    }

    @Override
    public List<Organisation> organisations() {
        return queryIndex("ORGS").stream().map(CatalogItems::toOrganisation).toList();
    }

    @Override
    public List<Location> locations() {
        return queryIndex("LOCS").stream().map(CatalogItems::toLocation).toList();
    }

    @Override
    public Optional<Location> location(String locationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(CatalogItems.key("LOC#" + locationId, "LOC"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CatalogItems.toLocation(item));
    }

    @Override
    public Optional<Offer> offer(String offerId) {
        Map<String, AttributeValue> offerItem = null;
        List<Session> sessions = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(CatalogItems.offerPk(offerId)))).build())) {
            String sk = Attr.str(item, SK);
            if ("OFFER".equals(sk)) offerItem = item;
            else if (sk.startsWith("SESSION#")) sessions.add(CatalogItems.toSession(item));
        }
        if (offerItem == null) return Optional.empty();
        sessions.sort((a, b) -> a.start().compareTo(b.start()));
        return Optional.of(CatalogItems.toOffer(offerItem, sessions));
    }

    @Override
    public void createOffer(Offer offer) {
        if (1 + offer.sessions().size() > MAX_TRANSACTION_ITEMS) throw ConflictException.of(ConflictException.Reason.TOO_MANY_CHANGES);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(CatalogItems.offer(offer))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))).build());
        for (Session s : offer.sessions()) writes.add(sessionWrite(offer, s, null));
        write(writes, reasons -> {
            throw ConflictException.of(ConflictException.Reason.OFFER_EXISTS, offer.id(), null);
        });
    }

    @Override
    public void updateOffer(Offer offer) { updateOffer(offer, false); }

    /** @param importing a feed's write: refused when staff took the offer over (the write is conditional on this read) */
    private void updateOffer(Offer offer, boolean importing) {
        Offer existing = offer(offer.id()).orElseThrow(() -> new NotFoundException("Offer " + offer.id() + " does not exist."));
        if (importing && existing.source() != null && existing.source().takenOver()) throw ConflictException.of(ConflictException.Reason.CHANGED_MEANWHILE);
        OfferChange change = OfferChange.of(existing, offer);
        List<Session> removed = change.removed();
        String guard = change.guardSessionId();
        int carried = change.carried();

        List<TransactWriteItem> writes = new ArrayList<>();
        // Only over the offer as read here: the removed sessions were worked out from that read.
        Map<String, String> names = Map.of("#pk", PK, "#updatedAt", "updatedAt");
        writes.add(TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(CatalogItems.offer(offer)).expressionAttributeNames(names)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
            if (existing.updatedAt() == null) p.conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#updatedAt)");
            else p.conditionExpression("attribute_exists(#pk) AND #updatedAt = :read")
                    .expressionAttributeValues(Map.of(":read", Attr.s(existing.updatedAt().toString())));
        }).build());
        for (Session s : offer.sessions()) writes.add(sessionWrite(offer, s, s.id().equals(guard) ? carried : null));
        for (Session s : removed) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(CatalogItems.key(CatalogItems.offerPk(offer.id()), CatalogItems.sessionSk(s.id())))
                    .conditionExpression("attribute_not_exists(taken) OR taken = :zero")
                    .expressionAttributeValues(Map.of(":zero", Attr.n(0)))).build());
        }
        if (writes.size() > MAX_TRANSACTION_ITEMS)
            throw ConflictException.of(ConflictException.Reason.TOO_MANY_CHANGES);
        write(writes, reasons -> {
            throw explain(reasons, offer, removed, guard);
        });
    }

    /**
     * Which rule a cancelled update broke. Reasons come in request order: the offer, its
     * sessions, then the removed sessions.
     */
    private static ConflictException explain(List<CancellationReason> reasons, Offer offer, List<Session> removed, String guard) {
        for (int i = 0; i < reasons.size(); i++) {
            if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) continue;
            if (i == 0) {
                Map<String, AttributeValue> old = reasons.get(0).item();
                return ConflictException.of(old == null || old.isEmpty() ? ConflictException.Reason.OFFER_GONE : ConflictException.Reason.CHANGED_MEANWHILE);
            }
            int s = i - 1;
            if (s < offer.sessions().size() && offer.sessions().get(s).id().equals(guard))
                return ConflictException.of(ConflictException.Reason.ENROLLED_MEANWHILE);
            if (s < offer.sessions().size())
                return ConflictException.of(ConflictException.Reason.SEATS_BELOW_TAKEN, offer.id(), offer.sessions().get(s).start());
            if (s - offer.sessions().size() < removed.size())
                return ConflictException.of(ConflictException.Reason.SESSION_HAS_ENROLMENTS, offer.id(), removed.get(s - offer.sessions().size()).start());
        }
        return ConflictException.of(ConflictException.Reason.CHANGED_MEANWHILE);
    }

    @Override
    public boolean removeOfferWithoutEnrolments(Offer offer) {
        if (offer.sessions().size() + 1 > MAX_TRANSACTION_ITEMS) return false;
        List<TransactWriteItem> deletes = new ArrayList<>();
        // Unchanged since it was read: a session added meanwhile would otherwise be left behind.
        String updatedAt = offer.updatedAt() == null ? "" : offer.updatedAt().toString();
        deletes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(CatalogItems.key(CatalogItems.offerPk(offer.id()), "OFFER"))
                .conditionExpression("updatedAt = :updatedAt")
                .expressionAttributeValues(Map.of(":updatedAt", Attr.s(updatedAt)))).build());
        for (Session s : offer.sessions()) {
            deletes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(CatalogItems.key(CatalogItems.offerPk(offer.id()), CatalogItems.sessionSk(s.id())))
                    .conditionExpression("attribute_not_exists(taken) OR taken = :zero")
                    .expressionAttributeValues(Map.of(":zero", Attr.n(0)))).build());
        }
        try {
            write(deletes, reasons -> {
                throw ConflictException.of(ConflictException.Reason.CHANGED_MEANWHILE);
            });
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    /**
     * Writes the editor's fields of a session. The seat counter is only set for a new session (to
     * the seats it starts with taken), never changed for an existing one.
     *
     * @param requireTaken when set, the stored counter must be exactly this (see updateOffer)
     */
    private TransactWriteItem sessionWrite(Offer offer, Session s, Integer requireTaken) {
        Map<String, AttributeValue> fields = CatalogItems.sessionFields(offer, s);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, AttributeValue> f : fields.entrySet()) {
            names.put("#f" + n, f.getKey());
            values.put(":f" + n, f.getValue());
            sets.add("#f" + n + " = :f" + n);
            n++;
        }
        names.put("#taken", "taken");
        names.put("#seats", "seats");
        values.put(":initial", Attr.n(s.taken()));
        sets.add("#taken = if_not_exists(#taken, :initial)");
        List<String> removes = new ArrayList<>();
        String seatsCondition;
        if (s.seats() != null) {
            values.put(":seats", Attr.n(s.seats()));
            sets.add("#seats = :seats");
            seatsCondition = "attribute_not_exists(#taken) OR #taken <= :seats";
        } else {
            removes.add("#seats");
            seatsCondition = null;
        }
        // Absent attributes are not written by SET: a note taken away must be removed.
        if (s.note() == null) {
            names.put("#note", "note");
            removes.add("#note");
        }
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        if (requireTaken != null) values.put(":required", Attr.n(requireTaken));
        String condition = requireTaken == null ? seatsCondition
                : (seatsCondition == null ? "" : "(" + seatsCondition + ") AND ") + "#taken = :required";
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(CatalogItems.key(CatalogItems.offerPk(offer.id()), CatalogItems.sessionSk(s.id())))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    private void write(List<TransactWriteItem> writes, Consumer<List<CancellationReason>> onConditionFailed) {
        Transactions.write(dynamo, writes, onConditionFailed);
    }

    @Override
    public List<AgendaEntry> upcoming(Instant from, int limit) {
        List<AgendaEntry> out = new ArrayList<>();
        YearMonth month = YearMonth.from(LocalDateTime.ofInstant(from, Session.ZONE));
        String fromKey = CatalogItems.utcKey(from);
        for (int m = 0; m < AGENDA_MONTHS && out.size() < limit; m++, month = month.plusMonths(1)) {
            String pk = "AGENDA#" + month;
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(GSI1)
                    .expressionAttributeNames(Map.of("#pk", GSI1PK, "#sk", GSI1SK));
            // The bound only cuts in the first month; later months start after `from` anyway.
            q.keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":from", Attr.s(fromKey)));
            for (Map<String, AttributeValue> item : query(q.build())) {
                if (out.size() >= limit) break;
                AgendaEntry entry = CatalogItems.toAgendaEntry(item);
                if (entry.offerStatus() != nl.ontwikkelplein.domain.OfferStatus.DRAFT) out.add(entry);
            }
        }
        return out;
    }

    /** Scan segments read side by side: a full read of a regional catalog in seconds, not minutes. */
    static final int SCAN_SEGMENTS = 8;

    /**
     * A parallel scan of the whole table, offers and sessions put together. Eventually consistent:
     * the site builder renders what a stream record announced, which the scan sees once the
     * record is delivered (a stream record is only readable after its write).
     */
    @Override
    public List<Offer> publicOffers() {
        java.util.concurrent.ConcurrentHashMap<String, Map<String, AttributeValue>> offers = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ConcurrentHashMap<String, List<Session>> sessions = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SCAN_SEGMENTS);
        try {
            List<java.util.concurrent.Future<?>> segments = new ArrayList<>();
            for (int segment = 0; segment < SCAN_SEGMENTS; segment++) {
                int seg = segment;
                segments.add(pool.submit(() -> {
                    for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table).segment(seg).totalSegments(SCAN_SEGMENTS)
                            .filterExpression("begins_with(#pk, :offer)")
                            .expressionAttributeNames(Map.of("#pk", PK))
                            .expressionAttributeValues(Map.of(":offer", Attr.s("OFFER#")))).items()) {
                        String sk = Attr.str(item, SK);
                        String offerId = Attr.str(item, PK).substring("OFFER#".length());
                        if ("OFFER".equals(sk)) offers.put(offerId, item);
                        else if (sk != null && sk.startsWith("SESSION#"))
                            sessions.computeIfAbsent(offerId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(CatalogItems.toSession(item));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : segments) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalog", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Offer> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : offers.values()) {
            Offer offer = CatalogItems.toOffer(item, List.of());
            if (offer.status() == nl.ontwikkelplein.domain.OfferStatus.DRAFT) continue;
            List<Session> own = new ArrayList<>(sessions.getOrDefault(offer.id(), List.of()));
            own.sort(java.util.Comparator.comparing(Session::start).thenComparing(Session::id));
            out.add(offer.withSessions(own));
        }
        out.sort(java.util.Comparator.comparing(Offer::id));
        return out;
    }

    @Override
    public List<Offer> offersOf(String organisationId) {
        return queryIndex("ORG#" + organisationId + "#OFFERS").stream()
                .map(i -> CatalogItems.toOffer(i, List.of())).toList();
    }

    @Override
    public List<OfferSummary> offerSummaries(String organisationId) {
        return queryIndex("ORG#" + organisationId + "#OFFERS").stream()
                .map(i -> new OfferSummary(CatalogItems.toOffer(i, List.of()), new java.util.HashSet<>(Attr.strings(i, "locationIds")))).toList();
    }

    @Override
    public boolean upsertImported(Offer offer) {
        Objects.requireNonNull(offer.source(), "an imported offer has a source");
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CatalogItems.key(CatalogItems.offerPk(offer.id()), "OFFER"))).item();
        try {
            return upsert(offer, current);
        } catch (ConflictException | NotFoundException e) {
            // Created or removed between the read and the write (two runs of one feed, say): read once more.
            if (e instanceof ConflictException c && c.reason() != ConflictException.Reason.OFFER_EXISTS) throw e;
            return upsert(offer, dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(CatalogItems.key(CatalogItems.offerPk(offer.id()), "OFFER"))).item());
        }
    }

    private boolean upsert(Offer offer, Map<String, AttributeValue> current) {
        if (current == null || current.isEmpty()) {
            createOffer(offer);
            return true;
        }
        if (Objects.equals(Attr.str(current, "contentHash"), offer.source().contentHash())) return false;
        if ("true".equals(Attr.str(current, "takenOver"))) return false; // staff's now
        updateOffer(offer, true);
        return true;
    }

    private List<Map<String, AttributeValue>> queryIndex(String pk) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Attr.s(pk));
        return query(QueryRequest.builder().tableName(table).indexName(GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", GSI1PK))
                .expressionAttributeValues(values).build());
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest page = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
            QueryResponse response = dynamo.query(page);
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static boolean isConditionFailure(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }
}
