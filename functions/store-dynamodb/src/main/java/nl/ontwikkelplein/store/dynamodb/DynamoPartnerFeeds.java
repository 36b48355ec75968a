package nl.ontwikkelplein.store.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeeds;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.ProgrammeLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Partner feeds in the EditorsTable (no stream, TTL on expiresAt): every feed is in one partition,
 * {@code FEEDS} / {@code FEED#{id}} (a region has tens of feeds), so listing them needs no index and
 * the importer's policy can be limited to the keys {@code FEEDS} and {@code FEED#*}. A feed's runs
 * are {@code FEED#{id}} / {@code RUN#{epoch ms, 13 digits}}: one query reads them newest first (docs/dynamodb.md).
 */
public final class DynamoPartnerFeeds implements PartnerFeeds {
    /** Runs also expire by TTL, in case a feed stops running and nothing trims them. */
    static final Duration RUN_TTL = Duration.ofDays(120);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPartnerFeeds(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<PartnerFeed> all() {
        List<PartnerFeed> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, partition("FEEDS").consistentRead(true).build(), 0)) out.add(feed(item));
        return out;
    }

    @Override
    public Optional<PartnerFeed> feed(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(CatalogItems.key("FEEDS", "FEED#" + id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(feed(item));
    }

    private static PartnerFeed feed(Map<String, AttributeValue> item) {
        List<PartnerFeed.CategoryRule> rules = new ArrayList<>();
        AttributeValue list = item.get("categories");
        if (list != null && list.hasL()) {
            for (AttributeValue v : list.l()) {
                Map<String, AttributeValue> m = v.m();
                String line = Attr.str(m, "programmeLine");
                rules.add(new PartnerFeed.CategoryRule(Attr.str(m, "partnerCategory"), line == null ? null : ProgrammeLine.valueOf(line), Attr.str(m, "theme")));
            }
        }
        return new PartnerFeed(Attr.str(item, "id"), Attr.str(item, "organisationId"), Attr.str(item, "url"), Attr.str(item, "format"),
                PartnerFeed.Schedule.valueOf(Attr.str(item, "schedule")), rules, instant(Attr.str(item, "createdAt")), instant(Attr.str(item, "updatedAt")));
    }

    @Override
    public void save(PartnerFeed feed) {
        List<AttributeValue> rules = new ArrayList<>();
        for (PartnerFeed.CategoryRule r : feed.categories()) {
            rules.add(AttributeValue.fromM(new Attr.Item().put("partnerCategory", r.partnerCategory())
                    .put("programmeLine", r.programmeLine() == null ? null : r.programmeLine().name()).put("theme", r.theme()).build()));
        }
        Map<String, AttributeValue> item = new Attr.Item().put(CatalogItems.PK, "FEEDS").put(CatalogItems.SK, "FEED#" + feed.id()).put("type", "FEED")
                .put("id", feed.id())
                .put("organisationId", feed.organisationId()).put("url", feed.url()).put("format", feed.format())
                .put("schedule", feed.schedule().name()).put("createdAt", text(feed.createdAt())).put("updatedAt", text(feed.updatedAt())).build();
        item.put("categories", AttributeValue.fromL(rules));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean remove(String id) {
        boolean existed = feed(id).isPresent();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, partition("FEED#" + id).build(), 0))
            dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key(Attr.str(item, CatalogItems.PK), Attr.str(item, CatalogItems.SK))));
        dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key("FEEDS", "FEED#" + id)));
        return existed;
    }

    @Override
    public void recordRun(FeedRun run) {
        Attr.Item item = new Attr.Item().put(CatalogItems.PK, "FEED#" + run.feedId()).put(CatalogItems.SK, runKey(run.startedAt())).put("type", "FEEDRUN")
                .put("startedAt", run.startedAt().toEpochMilli()).put("finishedAt", text(run.finishedAt())).put("failure", run.failure())
                .put("rejectedTotal", (long) run.rejectedTotal()).put("expiresAt", run.startedAt().plus(RUN_TTL).getEpochSecond());
        Map<String, AttributeValue> built = item.build();
        PartnerImport.Report r = run.report();
        if (r != null) {
            List<AttributeValue> problems = new ArrayList<>();
            for (PartnerImport.Problem p : r.rejected())
                problems.add(AttributeValue.fromM(new Attr.Item().put("externalId", p.externalId()).put("line", (long) p.line()).put("message", p.message()).build()));
            Map<String, AttributeValue> report = new Attr.Item().put("sourceId", r.sourceId()).put("created", (long) r.created())
                    .put("updated", (long) r.updated()).put("unchanged", (long) r.unchanged()).put("locationsWritten", (long) r.locationsWritten())
                    .put("removed", (long) r.removed()).put("cancelled", (long) r.cancelled()).put("complete", Boolean.toString(r.complete()))
                    .put("held", Boolean.toString(r.held())).put("listed", (long) r.listed()).put("before", (long) r.before())
                    .put("keptByStaff", (long) r.keptByStaff()).build();
            report.put("rejected", AttributeValue.fromL(problems));
            built.put("report", AttributeValue.fromM(report));
        }
        dynamo.putItem(b -> b.tableName(table).item(built));
        List<Map<String, AttributeValue>> runs = Queries.all(dynamo, runsOf(run.feedId()).scanIndexForward(false).build(), 0);
        for (int i = FeedRun.KEPT_PER_FEED; i < runs.size(); i++) {
            String sk = Attr.str(runs.get(i), CatalogItems.SK);
            dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key("FEED#" + run.feedId(), sk)));
        }
    }

    @Override
    public List<FeedRun> runs(String feedId, int limit) {
        if (limit <= 0) return List.of();
        List<FeedRun> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, runsOf(feedId).scanIndexForward(false).consistentRead(true).build(), limit)) {
            AttributeValue report = item.get("report");
            out.add(new FeedRun(feedId, Instant.ofEpochMilli(Attr.num(item, "startedAt")), instant(Attr.str(item, "finishedAt")), Attr.str(item, "failure"),
                    report == null ? null : report(report.m()), Attr.num(item, "rejectedTotal").intValue()));
        }
        return out;
    }

    private static PartnerImport.Report report(Map<String, AttributeValue> m) {
        List<PartnerImport.Problem> problems = new ArrayList<>();
        AttributeValue list = m.get("rejected");
        if (list != null && list.hasL()) {
            for (AttributeValue v : list.l())
                problems.add(new PartnerImport.Problem(Attr.str(v.m(), "externalId"), Attr.num(v.m(), "line").intValue(), Attr.str(v.m(), "message")));
        }
        return new PartnerImport.Report(Attr.str(m, "sourceId"), i(m, "created"), i(m, "updated"), i(m, "unchanged"), i(m, "locationsWritten"),
                i(m, "removed"), i(m, "cancelled"), "true".equals(Attr.str(m, "complete")), problems, "true".equals(Attr.str(m, "held")),
                i(m, "listed"), i(m, "before"), i(m, "keptByStaff"));
    }

    private static int i(Map<String, AttributeValue> m, String name) {
        Long v = Attr.num(m, name);
        return v == null ? 0 : v.intValue();
    }

    private QueryRequest.Builder partition(String pk) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", CatalogItems.PK)).expressionAttributeValues(Map.of(":pk", Attr.s(pk)));
    }

    private QueryRequest.Builder runsOf(String feedId) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk AND begins_with(#sk, :run)")
                .expressionAttributeNames(Map.of("#pk", CatalogItems.PK, "#sk", CatalogItems.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s("FEED#" + feedId), ":run", Attr.s("RUN#")));
    }

    static String runKey(Instant startedAt) { return "RUN#" + String.format("%013d", startedAt.toEpochMilli()); }

    private static String text(Instant at) { return at == null ? null : at.toString(); }

    private static Instant instant(String s) { return s == null ? null : Instant.parse(s); }
}
