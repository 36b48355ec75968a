package nl.ontwikkelplein.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo partner feeds, served by the local front at /_local/feeds/{file}: a Taalhuis's CSV and a
 * college's OOAPI offerings (one page). Dates in the files are written as {@code {{day+N}}} or
 * {@code {{day-N}}} (N days after or before today), so the demo feeds never go stale.
 */
public final class DemoFeeds {
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(csv|json)");
    private static final Pattern DAY = Pattern.compile("\\{\\{day([+-]\\d{1,3})}}");

    private DemoFeeds() {}

    /** The content type the front serves a demo feed with. */
    public static String contentType(String file) {
        return file.endsWith(".json") ? "application/json" : "text/csv; charset=utf-8";
    }

    public static Optional<byte[]> render(String file, LocalDate today) throws IOException {
        if (file == null || !FILE.matcher(file).matches()) return Optional.empty();
        try (InputStream in = DemoFeeds.class.getResourceAsStream("/demo/feeds/" + file)) {
            if (in == null) return Optional.empty();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = DAY.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, today.plusDays(Long.parseLong(m.group(1))).toString());
            m.appendTail(out);
            return Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
