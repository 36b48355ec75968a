package nl.ontwikkelplein.searchindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.sitebuilder.LocalSite;
import nl.ontwikkelplein.sitebuilder.TestData;
import nl.ontwikkelplein.web.site.SearchRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search index built by the real Pagefind binary from a SQLite catalog, published into S3Proxy. */
class SearchIndexTest {
    private static final String HOSTILE = "<script>alert(1)</script> Taal & \"rekenen\"";

    private LocalSite local;
    private SearchIndex index;

    @BeforeEach
    void setUp() throws Exception {
        // The jar carries Lambda's binary (Linux x86-64); elsewhere it cannot run, and the finder has its filter pages only.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "Pagefind's binary here is for Linux x86-64");
        local = new LocalSite(TestData.CLOCK);
        index = new SearchIndex(local.catalog(), local.publisher, Pagefind.fromClasspath(60_000), TestData.CLOCK);
        TestData.seed(local.catalog(),
                TestData.offer("klik-en-tik", "Klik & Tik", TestData.LOC2.id(), List.of("Digitale vaardigheden"), "2026-12-01T10:00", "2026-12-08T10:00"),
                TestData.offer("taalcafe", HOSTILE, TestData.LOC.id(), List.of("Nederlands leren"), "2026-12-03T19:00"),
                TestData.offer("voorbij", "Al geweest", TestData.LOC.id(), List.of("Nederlands leren"), "2026-11-01T19:00"));
    }

    @AfterEach
    void tearDown() throws Exception { local.close(); }

    private Set<String> fragments() {
        return local.keys().keySet().stream().filter(k -> k.startsWith("pagefind/fragment/")).collect(Collectors.toSet());
    }

    @Test
    void indexesTheListedOffersWithTheirFiltersAndPlainText() throws IOException {
        SearchIndex.Summary s = index.run();
        assertEquals(2, s.records(), "the offer whose only date passed is not in the lists, so not in the search");
        Map<String, String> keys = local.keys();
        for (String file : List.of("pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/wasm.nl.pagefind", SearchIndex.MANIFEST)) {
            assertTrue(keys.containsKey(file), file + " in " + keys.keySet());
        }
        assertEquals(2, fragments().size(), "one fragment per offer");
        assertTrue(local.text("pagefind/pagefind-entry.json").contains("\"nl\""), "indexed as Dutch");
        assertEquals("text/javascript; charset=utf-8", local.contentType("pagefind/pagefind.js"));
        assertEquals(SearchIndex.CHUNK_CACHE, local.cacheControl(fragments().iterator().next()));
        assertEquals(SearchIndex.ENTRY_CACHE, local.cacheControl("pagefind/pagefind-entry.json"));

        String all = fragments().stream().map(this::fragment).collect(Collectors.joining("\n"));
        // The title is kept as text (JSON-escaped, never turned into markup): the page sets it with textContent.
        assertTrue(all.contains("\\u003cscript\\u003e") || all.contains("<script>alert(1)</script>"), all);
        assertTrue(all.contains("/aanbod/klik-en-tik/"), all);
        assertTrue(all.contains("plaats-dedemsvaart") && all.contains("onderwerp-digitale-vaardigheden") && all.contains("dinsdagochtend"), all);
        assertFalse(all.contains("Al geweest"));
    }

    @Test
    void anUnchangedCatalogWritesNothingAndReplacedFilesStayOneRunLonger() {
        index.run();
        Set<String> first = fragments();
        SearchIndex.Summary again = index.run();
        assertEquals(0, again.written(), "same catalog, same files");
        assertEquals(0, again.deleted());

        rename("klik-en-tik", "Klik & Tik: de computer leren gebruiken");
        SearchIndex.Summary changed = index.run();
        assertTrue(changed.written() >= 2, "the changed offer's fragment and the entry: " + changed);
        assertEquals(0, changed.deleted(), "a visitor may still hold the previous entry");
        assertEquals(3, fragments().size(), "the old fragment is kept for one run");

        rename("klik-en-tik", "Klik & Tik voor beginners");
        SearchIndex.Summary later = index.run();
        assertTrue(later.deleted() >= 1, later.toString());
        Set<String> now = fragments();
        assertEquals(3, now.size(), "this run's two and the previous run's replaced one");
        assertTrue(first.stream().filter(f -> !now.contains(f)).count() == 1, "the first run's replaced fragment is gone");
    }

    @Test
    void aRunFromAnEarlierReadDoesNotReplaceTheIndexOfALaterOne() {
        SearchIndex later = new SearchIndex(local.catalog(), local.publisher, Pagefind.fromClasspath(60_000),
                java.time.Clock.offset(TestData.CLOCK, Duration.ofMinutes(5)));
        later.run();
        String entry = local.text("pagefind/pagefind-entry.json");
        rename("klik-en-tik", "Iets anders");
        SearchIndex.Summary earlier = index.run();
        assertTrue(earlier.skipped(), earlier.toString());
        assertEquals(entry, local.text("pagefind/pagefind-entry.json"));
    }

    @Test
    void anEmptyCatalogStillPublishesAnIndexThatFindsNothing() throws Exception {
        try (LocalSite empty = new LocalSite(TestData.CLOCK)) {
            SearchIndex.Summary s = new SearchIndex(empty.catalog(), empty.publisher, Pagefind.fromClasspath(60_000), TestData.CLOCK).run();
            assertEquals(0, s.records());
            assertNotNull(empty.text("pagefind/pagefind-entry.json"));
        }
    }

    @Test
    void aPagefindThatStopsOrIsMissingFailsTheRunQuicklyAndPublishesNothing() {
        SearchRecord r = new SearchRecord("/aanbod/x/", "x", Map.of("title", "x"), Map.of());
        long start = System.nanoTime();
        assertThrows(Pagefind.PagefindException.class, () -> new Pagefind(Path.of("/bin/false"), 30_000).index(List.of(r)));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "no waiting for the deadline when the process ends");
        assertThrows(Pagefind.PagefindException.class, () -> new Pagefind(Path.of("/nonexistent/pagefind"), 30_000).index(List.of(r)));
        SearchIndex broken = new SearchIndex(local.catalog(), local.publisher, new Pagefind(Path.of("/bin/false"), 30_000), TestData.CLOCK);
        assertThrows(Pagefind.PagefindException.class, broken::run);
        assertNull(local.text("pagefind/pagefind-entry.json"));
    }

    @Test
    void hostileAndOversizedTextIsIndexedAsText() {
        String huge = "woord ".repeat(200_000); // 1.2 MB in one record
        SearchRecord big = new SearchRecord("/aanbod/groot/", huge + HOSTILE, Map.of("title", HOSTILE), Map.of("plaats", List.of("plaats-\"x\"")));
        List<Pagefind.IndexFile> files = Pagefind.fromClasspath(60_000).index(List.of(big));
        assertTrue(files.stream().anyMatch(f -> f.path().startsWith("fragment/")));
    }

    @Test
    void theStreamHandlerRebuildsOnlyForCatalogRecords() {
        SearchIndexHandler handler = new SearchIndexHandler(index);
        Map<String, Object> enrolmentOnly = Map.of("Records", List.of(record("ENR#abc")));
        assertEquals("skipped", handler.handleRequest(enrolmentOnly, null));
        assertNull(local.text("pagefind/pagefind-entry.json"));
        assertTrue(handler.handleRequest(Map.of("Records", List.of(record("ENR#abc"), record("OFFER#klik-en-tik"))), null).startsWith("indexed=2"));
        assertTrue(handler.handleRequest(Map.of(), null).startsWith("indexed=2"), "the nightly schedule's event always rebuilds");
        assertEquals("skipped", handler.handleRequest(Map.of("Records", List.of("not a record", Map.of("dynamodb", "x"))), null));
    }

    @Test
    void aStreamBatchWrittenBeforeTheLastRebuildReadTheCatalogIsNotRebuiltAgain() {
        SearchIndexHandler handler = new SearchIndexHandler(index); // its clock: TestData.NOW
        long now = TestData.NOW.getEpochSecond();
        assertTrue(handler.handleRequest(Map.of("Records", List.of(record("OFFER#klik-en-tik", now - 60))), null).startsWith("indexed="),
                "no index online yet: built");
        assertEquals("skipped", handler.handleRequest(Map.of("Records", List.of(record("OFFER#taalcafe", now - 10), record("LOC#x", now - 3))), null),
                "all written before that read: in the index already");
        assertTrue(handler.handleRequest(Map.of("Records", List.of(record("OFFER#taalcafe", now - 10), record("OFFER#klik-en-tik", now - 1))), null)
                .startsWith("indexed="), "one written within the margin of the read: built again");
        assertTrue(handler.handleRequest(Map.of("Records", List.of(record("OFFER#klik-en-tik"))), null).startsWith("indexed="),
                "a record without its time is never skipped");
    }

    private static Map<String, Object> record(String pk) {
        return Map.of("eventName", "MODIFY", "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", pk)), "SequenceNumber", "1"));
    }

    private static Map<String, Object> record(String pk, long epochSecond) {
        return Map.of("eventName", "MODIFY", "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", pk)), "SequenceNumber", "1",
                "ApproximateCreationDateTime", (double) epochSecond));
    }

    private void rename(String id, String title) {
        Offer o = local.catalog().offer(id).orElseThrow();
        local.catalog().updateOffer(new Offer(o.id(), o.organisationId(), title, o.summary(), o.description(), o.kind(), o.programmeLine(), o.themes(),
                o.targetGroups(), o.format(), o.price(), o.provider(), o.moreInfoUrl(), o.enrolmentScope(), o.source(), o.updatedAt(), o.sessions(),
                o.status(), o.enrolmentPolicy()));
    }

    private String fragment(String key) {
        byte[] raw = local.s3.getObjectAsBytes(b -> b.bucket(LocalSite.BUCKET).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
