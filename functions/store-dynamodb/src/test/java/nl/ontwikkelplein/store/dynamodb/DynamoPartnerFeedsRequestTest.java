package nl.ontwikkelplein.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.ProgrammeLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner feeds adapter's items, pinned against the recording endpoint, and read back from
 * exactly what it wrote (the contract suite needs a real DynamoDB endpoint; this always runs).
 */
class DynamoPartnerFeedsRequestTest {
    static final Instant AT = Instant.parse("2026-12-03T01:00:00.125Z");
    private DynamoStub stub;
    private DynamoPartnerFeeds feeds;

    @BeforeEach
    void start() throws Exception {
        stub = new DynamoStub();
        feeds = new DynamoPartnerFeeds(stub.client, "Editors");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aFeedIsOneItemInTheEditorsTableAndReadsBackAsWritten() {
        PartnerFeed feed = new PartnerFeed("taalhuis", "bieb-a", "https://partner.example/a.csv?key=k", "csv", PartnerFeed.Schedule.WEEKLY,
                List.of(new PartnerFeed.CategoryRule("Taal", ProgrammeLine.BASIC_SKILLS, "taal"), new PartnerFeed.CategoryRule("Kunst", null, "kunst")), AT, AT);
        feeds.save(feed);
        JsonNode item = stub.only("PutItem").body().path("Item");
        assertEquals("FEEDS", item.path("pk").path("S").asText(), "all feeds in one partition: listed without an index");
        assertEquals("FEED#taalhuis", item.path("sk").path("S").asText());
        assertEquals(false, item.has("expiresAt"), "a feed never expires");

        stub.ok("{\"Item\":" + item + "}");
        assertEquals(feed, feeds.feed("taalhuis").orElseThrow());
        stub.ok("{\"Items\":[" + item + "],\"Count\":1}");
        assertEquals(List.of(feed), feeds.all());
    }

    @Test
    void aRunSharesItsFeedsPartitionExpiresByTtlAndReadsBackAsWritten() {
        List<PartnerImport.Problem> problems = new ArrayList<>();
        problems.add(new PartnerImport.Problem("P-1", 3, "Regel 3: geen begintijd."));
        problems.add(new PartnerImport.Problem(null, 0, "Pagina 2 kon niet gelezen worden."));
        FeedRun run = FeedRun.of("taalhuis", AT, AT.plusSeconds(7),
                new PartnerImport.Report("taalhuis", 1, 2, 3, 4, 5, 6, false, problems, true, 7, 16, 2));
        stub.ok("{}").ok("{\"Items\":[],\"Count\":0}");
        feeds.recordRun(run);
        JsonNode item = stub.only("PutItem").body().path("Item");
        assertEquals("FEED#taalhuis", item.path("pk").path("S").asText());
        assertEquals("RUN#1796259600125", item.path("sk").path("S").asText(), "13 digits of epoch ms sort as time does");
        assertEquals(AT.plus(DynamoPartnerFeeds.RUN_TTL).getEpochSecond(), item.path("expiresAt").path("N").asLong());
        JsonNode query = stub.only("Query").body();
        assertEquals(false, query.path("ScanIndexForward").asBoolean(true), "newest first, to delete what is beyond the kept runs");

        stub.ok("{\"Items\":[" + item + "],\"Count\":1}");
        assertEquals(List.of(run), feeds.runs("taalhuis", 5));
        FeedRun failed = FeedRun.failed("taalhuis", AT, AT.plusSeconds(1), "HTTP 503 from https://partner.example");
        stub.requests.clear();
        stub.ok("{}").ok("{\"Items\":[],\"Count\":0}");
        feeds.recordRun(failed);
        JsonNode failedItem = stub.only("PutItem").body().path("Item");
        assertEquals(false, failedItem.has("report"));
        stub.ok("{\"Items\":[" + failedItem + "],\"Count\":1}");
        assertEquals(List.of(failed), feeds.runs("taalhuis", 5));
    }
}
