package nl.ontwikkelplein.tools.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalConfig;
import nl.ontwikkelplein.local.LocalStack;
import nl.ontwikkelplein.store.sqlite.ChangeLog;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;

/**
 * The nightly import at regional scale, on the whole local runtime of template.yaml (SQLite with
 * its change log and the stream into the site builder, S3Proxy, the functions): N offers with 5
 * dates each (N × 5 rows) in feeds of at most 2,500 offers, in one of the four formats, served
 * on 127.0.0.1. Printed, for the same run:
 * <ul>
 *   <li>the floor: the same offers written straight through the Catalog port into a fresh SQLite
 *       database (what storing them costs, without fetching, reading or comparing);</li>
 *   <li>the first import (everything new), in seconds and as a ratio to the floor;</li>
 *   <li>after the stream has put the last offer online, the same feeds again: seconds, and the
 *       change-log rows it added (every write to the tables is one), which must be 0.</li>
 * </ul>
 *
 * <pre>mvn -q -DskipTests install && mvn -q -pl tools/site-bench exec:java -Dexec.mainClass=nl.ontwikkelplein.tools.site.ImportBench -Dexec.args="--offers 10000 --format csv"</pre>
 */
public final class ImportBench {
    static final int PER_FEED = 2_500;
    static final int DATES = 5;
    static final int PLACES = 20;

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // the local runtime's pollers are daemon threads, the HTTP servers are not
    }

    static void run(String[] args) throws Exception {
        // Before the first HttpServer starts (the JDK reads it once): else each feed page waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int offers = 10_000;
        String format = "csv";
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--offers")) offers = Integer.parseInt(args[++i]);
            else if (args[i].equals("--format")) format = args[++i].toLowerCase(Locale.ROOT);
        }
        if (!List.of("csv", "ical", "schemaorg", "ooapi").contains(format)) throw new IllegalArgumentException("--format csv|ical|schemaorg|ooapi");
        Path dir = Files.createDirectories(Path.of("target", "import-bench-" + System.currentTimeMillis()).toAbsolutePath());
        LocalDate first = LocalDate.now().plusDays(2);
        int feeds = (offers + PER_FEED - 1) / PER_FEED;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        List<String> sources = new ArrayList<>();
        for (int k = 0; k < feeds; k++) {
            int from = k * PER_FEED, to = Math.min(offers, (k + 1) * PER_FEED);
            String path = "/feed-" + k;
            if (format.equals("ooapi")) {
                server.createContext(path, ex -> ooapiPage(ex, first, from, to));
            } else {
                byte[] body = switch (format) {
                    case "csv" -> ImportLoadBench.feed(from, to);
                    case "ical" -> ical(first, from, to);
                    default -> schemaOrg(first, from, to);
                };
                server.createContext(path, ex -> send(ex, body));
            }
            sources.add("bench-" + k + "|bibliotheek-bench|http://127.0.0.1:" + 0 + path + "|" + format);
        }
        server.start();
        int feedPort = server.getAddress().getPort();
        sources.replaceAll(s -> s.replace("127.0.0.1:0/", "127.0.0.1:" + feedPort + "/"));

        try {
            double floor = floor(dir.resolve("floor.db"), first, offers);
            double alone = alone(dir.resolve("alone.db"), sources);
            int http, s3;
            try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                http = a.getLocalPort();
                s3 = b.getLocalPort();
            }
            Path template = LocalConfig.findRepoRoot(Path.of("").toAbsolutePath()).resolve("template.yaml");
            LocalConfig config = new LocalConfig(template, dir.resolve("stack"), http, s3, Map.of("ImportFeeds", String.join(",", sources)));
            try (LocalStack stack = LocalStack.start(config)) {
                Catalog catalog = stack.stores().catalog();
                catalog.saveOrganisation(new Organisation("bibliotheek-bench", "Bibliotheek Bench", null));
                ChangeLog changes = new ChangeLog(stack.database(), Clock.systemUTC());

                long t0 = System.nanoTime();
                String firstRun = String.join(" ", stack.scheduler().runNow("ImportFunction"));
                double firstSecs = (System.nanoTime() - t0) / 1e9;

                // The stream renders what the import wrote; the second run starts when that is done, as on a quiet night.
                String last = "/aanbod/" + PartnerImport.newOfferId("Cursus " + (offers - 1), "bench-" + (feeds - 1), "X-" + (offers - 1)) + "/";
                double drained = await("http://127.0.0.1:" + http + last, "Cursus " + (offers - 1), 1_200_000);

                long before = changes.latest();
                long t1 = System.nanoTime();
                String secondRun = String.join(" ", stack.scheduler().runNow("ImportFunction"));
                double secondSecs = (System.nanoTime() - t1) / 1e9;
                long written = changes.latest() - before;

                System.out.printf(Locale.ROOT, "machine: %d cores; format %s; %,d offers (%,d dates) in %d feeds%n",
                        Runtime.getRuntime().availableProcessors(), format, offers, offers * DATES, feeds);
                System.out.printf(Locale.ROOT, "floor: the same offers written straight into a fresh SQLite catalog: %.1f s%n", floor);
                System.out.printf(Locale.ROOT, "import alone (the same handler on a fresh SQLite database, no stream beside it): %.1f s (x%.2f of the floor)%n",
                        alone, alone / floor);
                System.out.printf(Locale.ROOT, "first import on the local runtime (the stream renders beside it): %.1f s (x%.2f of the floor); %s%n",
                        firstSecs, firstSecs / floor, totals(firstRun));
                System.out.printf(Locale.ROOT, "stream: last offer online %s after the first import%n",
                        drained < 0 ? "not within 20 min" : String.format(Locale.ROOT, "%.1f s", drained));
                System.out.printf(Locale.ROOT, "unchanged re-import: %.1f s (x%.2f of the floor); %s; change-log rows written: %d%n",
                        secondSecs, secondSecs / floor, totals(secondRun), written);
            }
        } finally {
            server.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The summed counts of the import's per-feed summaries ("created=… updated=…"). */
    static String totals(String summaries) {
        StringBuilder out = new StringBuilder();
        for (String key : List.of("created", "updated", "unchanged", "removed", "rejected")) {
            long sum = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + key + "=(\\d+)").matcher(summaries);
            while (m.find()) sum += Long.parseLong(m.group(1));
            out.append(out.length() == 0 ? "" : " ").append(key).append('=').append(sum);
        }
        return out.toString();
    }

    /** Writing the offers through the Catalog port into a fresh SQLite database: the storage floor. */
    private static double floor(Path file, LocalDate first, int offers) {
        SqliteDatabase db = SqliteDatabase.open(file);
        Catalog catalog = SqliteStores.on(db, Clock.systemUTC()).catalog();
        catalog.saveOrganisation(new Organisation("bibliotheek-bench", "Bibliotheek Bench", null));
        for (int p = 0; p < PLACES; p++)
            catalog.saveLocation(new Location("floor-" + p, "bibliotheek-bench", "Partnerlocatie " + p, Location.LocationKind.PARTNER,
                    new Location.Address("Straat " + p, "7700 AA", "Plaats " + p), null, null));
        long t0 = System.nanoTime();
        for (int i = 0; i < offers; i++) {
            List<Session> sessions = new ArrayList<>();
            for (int d = 0; d < DATES; d++) {
                LocalDateTime start = first.plusDays(i % 60 + d * 7L).atTime(9 + i % 9, 0);
                sessions.add(new Session("s" + d, start, start.plusMinutes(45), "floor-" + i % PLACES, 12, 0, Session.SessionStatus.SCHEDULED));
            }
            catalog.upsertImported(new Offer("floor-" + i, "bibliotheek-bench", "Cursus " + i, "Korte uitleg.", "Lange uitleg.", OfferKind.COURSE,
                    ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of("volwassenen"), DeliveryFormat.IN_PERSON, Price.FREE, "Partner", null, null,
                    new Offer.Source("floor", "X-" + i, "hash-" + i), Instant.now(), sessions));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        db.close();
        return secs;
    }

    /** ImportHandler as the template wires it, on its own database: what the import costs without the site builder beside it. */
    private static double alone(Path file, List<String> sources) {
        SqliteDatabase db = SqliteDatabase.open(file);
        nl.ontwikkelplein.domain.Stores stores = SqliteStores.on(db, Clock.systemUTC());
        stores.catalog().saveOrganisation(new Organisation("bibliotheek-bench", "Bibliotheek Bench", null));
        nl.ontwikkelplein.importer.ImportHandler handler = new nl.ontwikkelplein.importer.ImportHandler(stores, Map.of(
                "IMPORT_FEEDS", String.join(",", sources), "IMPORT_LOOPBACK_FEEDS", "true", "IMPORT_WRITERS", "8"));
        long t0 = System.nanoTime();
        handler.handleRequest(Map.of(), null);
        double secs = (System.nanoTime() - t0) / 1e9;
        db.close();
        return secs;
    }

    private static void send(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static String hour(int i) { return String.format(Locale.ROOT, "%02d", 9 + i % 9); }

    private static LocalDate day(LocalDate first, int i, int d) { return first.plusDays(i % 60 + d * 7L); }

    /** One event per offer, its five weekly dates as an RRULE, as a calendar program exports it. */
    static byte[] ical(LocalDate first, int from, int to) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//NL\r\n");
        for (int i = from; i < to; i++) {
            String start = day(first, i, 0).toString().replace("-", "") + "T" + hour(i) + "0000";
            String end = day(first, i, 0).toString().replace("-", "") + "T" + hour(i) + "4500";
            b.append("BEGIN:VEVENT\r\nUID:X-").append(i).append("\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Cursus ").append(i)
                    .append("\r\nDESCRIPTION:Lange uitleg.\r\nCATEGORIES:Cursus,Basisvaardigheden,taal,volwassenen\r\n")
                    .append("DTSTART;TZID=Europe/Amsterdam:").append(start).append("\r\nDTEND;TZID=Europe/Amsterdam:").append(end)
                    .append("\r\nRRULE:FREQ=WEEKLY;COUNT=").append(DATES).append("\r\nLOCATION:Partnerlocatie ").append(i % PLACES)
                    .append("\\, Straat ").append(i % PLACES).append("\\, 7700 AA Plaats ").append(i % PLACES).append("\r\nEND:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON-LD array of Events, each with a weekly Schedule of five dates. */
    static byte[] schemaOrg(LocalDate first, int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            if (i > from) b.append(",\n");
            int p = i % PLACES;
            b.append("{\"@context\":\"https://schema.org\",\"@type\":\"EducationEvent\",\"@id\":\"X-").append(i).append("\",\"name\":\"Cursus ").append(i)
                    .append("\",\"description\":\"Lange uitleg.\",\"keywords\":\"Cursus, Basisvaardigheden, taal, volwassenen\",")
                    .append("\"location\":{\"@type\":\"Place\",\"name\":\"Partnerlocatie ").append(p).append("\",\"address\":{\"@type\":\"PostalAddress\",")
                    .append("\"streetAddress\":\"Straat ").append(p).append("\",\"postalCode\":\"7700 AA\",\"addressLocality\":\"Plaats ").append(p).append("\"}},")
                    .append("\"startDate\":\"").append(day(first, i, 0)).append("T").append(hour(i)).append(":00\",")
                    .append("\"eventSchedule\":{\"@type\":\"Schedule\",\"repeatFrequency\":\"P1W\",\"repeatCount\":").append(DATES)
                    .append(",\"startTime\":\"").append(hour(i)).append(":00\",\"endTime\":\"").append(hour(i)).append(":45\"}}");
        }
        return b.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An OOAPI v5 page of offerings: per offer a course offering and its five component offerings (lessons). */
    private static void ooapiPage(HttpExchange ex, LocalDate first, int from, int to) throws IOException {
        Map<String, String> q = new java.util.HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) for (String pair : raw.split("&")) q.put(pair.split("=", 2)[0], pair.contains("=") ? pair.split("=", 2)[1] : "");
        int size = Integer.parseInt(q.getOrDefault("pageSize", "100")), page = Integer.parseInt(q.getOrDefault("pageNumber", "1"));
        List<String> items = new ArrayList<>();
        int perOffer = 1 + DATES;
        int total = (to - from) * perOffer;
        for (int n = (page - 1) * size; n < Math.min(total, page * size); n++) {
            int i = from + n / perOffer, d = n % perOffer - 1;
            int p = i % PLACES;
            String address = "\"addresses\":[{\"addressType\":\"teaching\",\"street\":\"Straat\",\"streetNumber\":\"" + p + "\",\"postalCode\":\"7700 AA\","
                    + "\"city\":\"Plaats " + p + "\",\"countryCode\":\"NL\",\"additional\":[{\"language\":\"nl-NL\",\"value\":\"Partnerlocatie " + p + "\"}]}]";
            if (d < 0) {
                items.add("{\"offeringId\":\"X-" + i + "\",\"offeringType\":\"course\",\"primaryCode\":{\"codeType\":\"identifier\",\"code\":\"C" + i + "\"},"
                        + "\"name\":[{\"language\":\"nl-NL\",\"value\":\"Cursus " + i + "\"},{\"language\":\"en-GB\",\"value\":\"Course " + i + "\"}],"
                        + "\"description\":[{\"language\":\"nl-NL\",\"value\":\"Lange uitleg.\"}],\"teachingLanguage\":\"nld\",\"modeOfDelivery\":[\"situated\"],"
                        + "\"startDate\":\"" + day(first, i, 0) + "\",\"endDate\":\"" + day(first, i, DATES - 1) + "\",\"maxNumberStudents\":12,"
                        + "\"priceInformation\":[{\"costType\":\"total costs\",\"amount\":0,\"currency\":\"EUR\"}]," + address + "}");
            } else {
                LocalDate at = day(first, i, d);
                items.add("{\"offeringId\":\"X-" + i + "-" + d + "\",\"offeringType\":\"component\",\"courseOffering\":\"X-" + i + "\","
                        + "\"name\":[{\"language\":\"nl-NL\",\"value\":\"Les " + (d + 1) + "\"}],"
                        + "\"startDateTime\":\"" + at + "T" + hour(i) + ":00:00" + offset(at) + "\",\"endDateTime\":\"" + at + "T" + hour(i) + ":45:00" + offset(at) + "\"}");
            }
        }
        int pages = (total + size - 1) / size;
        String body = "{\"pageSize\":" + size + ",\"pageNumber\":" + page + ",\"hasPreviousPage\":" + (page > 1) + ",\"hasNextPage\":" + (page < pages)
                + ",\"totalPages\":" + pages + ",\"items\":[" + String.join(",", items) + "]}";
        send(ex, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String offset(LocalDate day) {
        return day.atStartOfDay(Session.ZONE).getOffset().getId().replace("Z", "+00:00");
    }

    /** Seconds until the page holds {@code text}, or -1 after {@code timeoutMillis}. */
    private static double await(String url, String text, long timeoutMillis) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < timeoutMillis) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains(text)) return (System.nanoTime() - t0) / 1e9;
            Thread.sleep(200);
        }
        return -1;
    }
}
