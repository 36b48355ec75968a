package nl.ontwikkelplein.importer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ontwikkelplein.domain.Ids;

/**
 * The feeds to import, from IMPORT_FEEDS: entries separated by commas or new lines, each
 * {@code sourceId|organisationId|url} or {@code sourceId|organisationId|url|format}, e.g.
 * {@code taalhuis-vechtdal|bibliotheek-hardenberg|https://example.org/agenda.ics|ical}; the format
 * is {@code csv} when left out.
 */
record FeedConfig(String sourceId, String organisationId, URI url, Format format) {
    /** What a feed is written in; each has a reader. */
    enum Format {
        CSV(5 << 20, "csv"), ICAL(5 << 20, "ical", "ics", "icalendar"),
        /** schema.org JSON-LD, as a JSON document or in the scripts of a web page. */
        SCHEMA_ORG(5 << 20, "schemaorg", "schema.org", "jsonld", "json-ld"),
        /** OOAPI v5 offerings; the cap is per page, {@link OoapiFeed#MAX_BYTES} for all pages together. */
        OOAPI(5 << 20, "ooapi");

        private final int maxBytes;
        private final List<String> names;

        Format(int maxBytes, String... names) {
            this.maxBytes = maxBytes;
            this.names = List.of(names);
        }

        /** The largest document of this format the import reads (CSV: 20,000 rows; iCalendar: 5,000 events fit well within it). */
        int maxBytes() { return maxBytes; }

        static Format named(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (Format f : values()) if (f.names.contains(n)) return f;
            return null;
        }
    }

    FeedConfig(String sourceId, String organisationId, URI url) { this(sourceId, organisationId, url, Format.CSV); }

    /** A feed the admin keeps in the workspace, or null when its id, URL or format cannot be used (the workspace checks them first). */
    static FeedConfig of(nl.ontwikkelplein.domain.PartnerFeed feed) {
        if (!Ids.isValid(feed.id()) || !Ids.isValid(feed.organisationId())) return null;
        Format format = Format.named(feed.format());
        if (format == null) return null;
        try {
            URI url = new URI(feed.url().strip());
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) return null;
            return new FeedConfig(feed.id(), feed.organisationId(), url, format);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static List<FeedConfig> parse(String value) {
        List<FeedConfig> feeds = new ArrayList<>();
        if (value == null || value.isBlank()) return feeds;
        for (String entry : value.split("[,\\n]")) {
            if (entry.isBlank()) continue;
            String[] parts = entry.strip().split("\\|", -1);
            if ((parts.length != 3 && parts.length != 4) || !Ids.isValid(parts[0].strip()) || !Ids.isValid(parts[1].strip()))
                throw new IllegalArgumentException("IMPORT_FEEDS entry must be sourceId|organisationId|url or sourceId|organisationId|url|format: " + entry.strip());
            URI url = URI.create(parts[2].strip());
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()))
                throw new IllegalArgumentException("IMPORT_FEEDS url must be http(s): " + url);
            Format format = parts.length == 3 || parts[3].isBlank() ? Format.CSV : Format.named(parts[3]);
            if (format == null) throw new IllegalArgumentException("IMPORT_FEEDS format must be csv, ical, schemaorg or ooapi: " + parts[3].strip());
            feeds.add(new FeedConfig(parts[0].strip(), parts[1].strip(), url, format));
        }
        return feeds;
    }
}
