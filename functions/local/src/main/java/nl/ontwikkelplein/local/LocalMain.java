package nl.ontwikkelplein.local;

import nl.ontwikkelplein.local.demo.DemoData;
import nl.ontwikkelplein.local.demo.DemoStaff;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Ontwikkelplein on this machine: {@code mvn -q -DskipTests install exec:java -pl functions/local -am}.
 * Configuration by environment: ONTWIKKELPLEIN_HTTP_PORT (8080), ONTWIKKELPLEIN_S3_PORT (9000),
 * ONTWIKKELPLEIN_DATA_DIR (repo root/.local-data),
 * ONTWIKKELPLEIN_PARAMETER_&lt;Name&gt; for template parameters. Stops on Ctrl-C.
 *
 * <p>What only the local run does, all here: the demo feeds served by the local front are kept as
 * partner feeds (so the workspace's Importen page shows them, as it shows an admin's); demo data is loaded into an empty catalog; the whole site is rebuilt
 * once at start, and so is the search index (nobody's laptop is on at 02:30, when the nightly rebuilds run).
 */
public final class LocalMain {

    static {
        // One line per log record (java.util.logging's default takes two), set before any logger exists.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%6$s%n");
    }

    private static final Logger LOG = Logger.getLogger(LocalMain.class.getName());
    /** The demo partner feeds (src/main/resources/demo/feeds), of the demo organisation: id, file under /_local/feeds/, format. */
    record DemoFeed(String id, String file, String format) {}

    static final List<DemoFeed> DEMO_FEEDS = List.of(new DemoFeed("taalhuis-vechtdal", "taalhuis-vechtdal.csv", "csv"),
            new DemoFeed("deltion-college", "deltion-college.json", "ooapi"));
    static final String REBUILD_FUNCTION = "SiteRebuildFunction";
    /** The finder's search index, built nightly and after changes; at start too, like the site. */
    static final String SEARCH_INDEX_FUNCTION = "SearchIndexFunction";

    private LocalMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalConfig config = withPublicOrigin(LocalConfig.fromEnvironment());
        LocalStack stack = LocalStack.start(config);
        if (!config.parameterOverrides().containsKey("ImportFeeds")) registerDemoFeeds(stack.stores().feeds(), config.httpUrl(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-shutdown"));
        prepare(stack);
        System.out.println("Ontwikkelplein draait op http://localhost:" + config.httpPort());
        System.out.println("  data: " + config.dataDir() + " (verwijder deze map om opnieuw te beginnen)");
        System.out.println("  beheer: http://localhost:" + config.httpPort() + "/beheer/ (log in als " + DemoStaff.ADMIN_EMAIL
                + "; de e-mail met de link staat in http://localhost:" + config.httpPort() + "/_local/outbox)");
        System.out.println("  import nu: curl -X POST http://localhost:" + config.httpPort() + "/_local/schedules/ImportFunction");
        stopped.await();
    }

    /**
     * The demo feeds as partner feeds of the demo organisation, nightly, at this run's address: made
     * on the first start, and on later starts only their address follows the port (an admin's changes
     * to schedule or mapping stay).
     */
    static void registerDemoFeeds(nl.ontwikkelplein.domain.PartnerFeeds feeds, String httpUrl, Clock clock) {
        for (DemoFeed demo : DEMO_FEEDS) {
            String url = httpUrl + "/_local/feeds/" + demo.file();
            java.time.Instant now = clock.instant();
            java.util.Optional<nl.ontwikkelplein.domain.PartnerFeed> known = feeds.feed(demo.id());
            if (known.isEmpty()) {
                feeds.save(new nl.ontwikkelplein.domain.PartnerFeed(demo.id(), DemoData.ORGANISATION, url, demo.format(), null, List.of(), now, now));
            } else if (!known.get().url().equals(url)) {
                nl.ontwikkelplein.domain.PartnerFeed f = known.get();
                feeds.save(new nl.ontwikkelplein.domain.PartnerFeed(f.id(), f.organisationId(), url, f.format(), f.schedule(), f.categories(), f.createdAt(), now));
            }
        }
    }

    /**
     * The site's public address locally is the front's, as printed (localhost): canonical links and
     * the sitemap point there, and the workspace's Origin check expects the same address.
     */
    static LocalConfig withPublicOrigin(LocalConfig config) {
        return config.parameterOverrides().containsKey("PublicOrigin") ? config
                : config.withParameter("PublicOrigin", "http://localhost:" + config.httpPort());
    }

    /** Demo data into an empty catalog, then one full site build. Failures are logged, not fatal. */
    public static void prepare(LocalStack stack) {
        try {
            boolean loaded = DemoData.loadIfEmpty(stack.stores().catalog(), Clock.systemUTC());
            if (loaded) {
                LOG.info("demo data loaded");
            }
            if (DemoStaff.loadIfEmpty(stack.stores().staff(), Clock.systemUTC())) {
                LOG.info("demo staff created: " + DemoStaff.ADMIN_EMAIL + ", " + DemoStaff.HARDENBERG_EDITOR + ", " + DemoStaff.OMMEN_EDITOR + ", " + DemoStaff.REFERRER);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo data not loaded", e);
        }
        for (String function : List.of(REBUILD_FUNCTION, SEARCH_INDEX_FUNCTION)) {
            if (stack.template().function(function).isEmpty()) continue;
            try {
                stack.scheduler().runNow(function);
            } catch (FunctionError | RuntimeException e) {
                LOG.log(Level.WARNING, function + " did not run at start: " + e.getMessage(), e);
            }
        }
    }
}
