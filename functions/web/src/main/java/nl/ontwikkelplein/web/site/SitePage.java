package nl.ontwikkelplein.web.site;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One file of the static site, rendered when asked (so a builder can render many side by side).
 *
 * @param path the object key: relative to the site root, no leading slash ("thema/taal/index.html")
 */
public record SitePage(String path, String contentType, Supplier<byte[]> bytes) {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String CALENDAR = "text/calendar; charset=utf-8";

    /** A text file (HTML, XML, iCalendar), written as UTF-8. */
    public static SitePage text(String path, String contentType, Supplier<String> render) {
        return new SitePage(path, contentType, () -> render.get().getBytes(StandardCharsets.UTF_8));
    }

    public byte[] body() { return bytes.get(); }
}
