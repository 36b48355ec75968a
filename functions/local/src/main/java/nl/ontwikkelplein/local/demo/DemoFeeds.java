package nl.ontwikkelplein.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo partner feeds, served by the local front at /_local/feeds/{file}. Dates in the files are
 * written as {@code {{day+N}}} (N days after today), so the demo feed never goes stale.
 */
public final class DemoFeeds {
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.csv");
    private static final Pattern DAY = Pattern.compile("\\{\\{day\\+(\\d{1,3})}}");

    private DemoFeeds() {}

    public static Optional<byte[]> render(String file, LocalDate today) throws IOException {
        if (file == null || !FILE.matcher(file).matches()) return Optional.empty();
        try (InputStream in = DemoFeeds.class.getResourceAsStream("/demo/feeds/" + file)) {
            if (in == null) return Optional.empty();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = DAY.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, today.plusDays(Integer.parseInt(m.group(1))).toString());
            m.appendTail(out);
            return Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
