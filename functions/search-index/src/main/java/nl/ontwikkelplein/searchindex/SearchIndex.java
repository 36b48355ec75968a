package nl.ontwikkelplein.searchindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.sitebuilder.SiteBuilder;
import nl.ontwikkelplein.sitebuilder.SitePublisher;
import nl.ontwikkelplein.web.Pages;
import nl.ontwikkelplein.web.site.PublicSite;
import nl.ontwikkelplein.web.site.SearchRecord;
import nl.ontwikkelplein.web.site.SiteData;

/**
 * The finder's text search: every offer of the lists as a Pagefind record, the index published
 * under {@code pagefind/}. Pagefind cannot update an index, so each run builds it whole (5,000
 * offers take a few seconds); its chunk files are named by their content, so a run writes only
 * the chunks that changed, and the entry file ({@code pagefind-entry.json}) last, so a browser
 * never reads an entry whose chunks are not there yet. Files the new index no longer uses stay
 * one run longer (a visitor's page may still hold the previous entry), then go.
 */
public final class SearchIndex {
    public static final String FOLDER = "pagefind/";
    /** What the run published and when its catalog read began; not a Pagefind file. */
    static final String MANIFEST = FOLDER + "op-index.json";
    static final String ENTRY = "pagefind-entry.json";
    /** Chunks never change under their name; the entry and the loader do. */
    static final String CHUNK_CACHE = "public, max-age=31536000, immutable";
    static final String ENTRY_CACHE = "public, max-age=60, must-revalidate";

    /** Pagefind's ready-made interfaces and its index for undetected languages: the site has its own interface and is Dutch. */
    static final java.util.regex.Pattern UNUSED = java.util.regex.Pattern.compile(
            "pagefind-(ui|component-ui|modular-ui|highlight)\\.(js|css)|wasm\\.unknown\\.pagefind");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final SitePublisher publisher;
    private final Pagefind pagefind;
    private final Clock clock;
    private final PublicSite site = new PublicSite(new Pages(null, null));

    public SearchIndex(Catalog catalog, SitePublisher publisher, Pagefind pagefind, Clock clock) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.pagefind = pagefind;
        this.clock = clock;
    }

    /** What a run did: records indexed, files written and deleted; {@code skipped} when a run from a later read had already published. */
    public record Summary(int records, int files, int written, int deleted, boolean skipped) {}

    /** Reads the catalog and publishes its index. */
    public Summary run() {
        Instant readAt = clock.instant(); // before reading: whatever was saved before it is in
        SiteData data = SiteData.of(catalog.publicOffers(), catalog.locations(), catalog.organisations(), readAt);
        return publish(data);
    }

    /** Publishes the index of one read of the catalog. */
    public Summary publish(SiteData data) {
        List<SearchRecord> records = site.searchRecords(data);
        List<Pagefind.IndexFile> files = pagefind.index(records);
        Manifest before = manifest();
        if (before.readAt() > data.now().toEpochMilli()) return new Summary(records.size(), files.size(), 0, 0, true);
        Map<String, String> online = publisher.list(FOLDER);
        int written = 0;
        Pagefind.IndexFile entry = null;
        Set<String> now = new LinkedHashSet<>();
        for (Pagefind.IndexFile f : files) {
            if (UNUSED.matcher(f.path()).matches()) continue;
            String path = FOLDER + f.path();
            now.add(path);
            if (f.path().equals(ENTRY)) {
                entry = f;
                continue;
            }
            if (SiteBuilder.md5(f.body()).equals(online.get(path))) continue;
            publisher.put(path, f.body(), contentType(f.path()), f.path().contains("/") ? CHUNK_CACHE : ENTRY_CACHE);
            written++;
        }
        if (entry == null) throw new Pagefind.PagefindException("Pagefind returned no " + ENTRY);
        String entryPath = FOLDER + ENTRY;
        if (!SiteBuilder.md5(entry.body()).equals(online.get(entryPath))) {
            publisher.put(entryPath, entry.body(), contentType(ENTRY), ENTRY_CACHE);
            written++;
        }
        publisher.put(MANIFEST, new Manifest(data.now().toEpochMilli(), List.copyOf(now)).json(), "application/json", ENTRY_CACHE,
                Map.of(SiteBuilder.READ_AT, Long.toString(data.now().toEpochMilli())));
        int deleted = 0;
        for (String path : online.keySet()) {
            if (now.contains(path) || before.files().contains(path) || path.equals(MANIFEST)) continue;
            publisher.delete(path);
            deleted++;
        }
        return new Summary(records.size(), files.size(), written, deleted, false);
    }

    /** When the catalog read of the index online began (epoch ms); 0 when there is none. A HEAD: the manifest itself lists every file. */
    public long onlineReadAt() {
        try {
            return publisher.head(MANIFEST).map(o -> Long.parseLong(o.metadata().getOrDefault(SiteBuilder.READ_AT, "0"))).orElse(0L);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    record Manifest(long readAt, List<String> files) {
        byte[] json() {
            ObjectNode root = JSON.createObjectNode().put("readAt", readAt);
            ArrayNode list = root.putArray("files");
            files.forEach(list::add);
            try {
                return JSON.writeValueAsBytes(root);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The last run's manifest; none (or unreadable) is an empty one, so nothing is kept back. */
    private Manifest manifest() {
        return publisher.get(MANIFEST).map(bytes -> {
            try {
                JsonNode root = JSON.readTree(bytes);
                List<String> files = new ArrayList<>();
                root.path("files").forEach(n -> files.add(n.asText()));
                return new Manifest(root.path("readAt").asLong(0), files);
            } catch (IOException e) {
                return new Manifest(0, List.of());
            }
        }).orElse(new Manifest(0, List.of()));
    }

    static String contentType(String path) {
        if (path.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (path.endsWith(".json")) return "application/json";
        if (path.endsWith(".css")) return "text/css; charset=utf-8";
        // Chunks, filters, fragments and the wasm are Pagefind's own gzip-compressed formats, read with fetch().
        return "application/octet-stream";
    }

}
