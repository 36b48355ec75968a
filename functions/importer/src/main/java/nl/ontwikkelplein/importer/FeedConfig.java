package nl.ontwikkelplein.importer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.Ids;

/**
 * The feeds to import, from IMPORT_FEEDS: entries separated by commas or new lines, each
 * {@code sourceId|organisationId|url}, e.g. {@code taalhuis-vechtdal|bibliotheek-hardenberg|https://example.org/aanbod.csv}.
 */
record FeedConfig(String sourceId, String organisationId, URI url) {
    static List<FeedConfig> parse(String value) {
        List<FeedConfig> feeds = new ArrayList<>();
        if (value == null || value.isBlank()) return feeds;
        for (String entry : value.split("[,\\n]")) {
            if (entry.isBlank()) continue;
            String[] parts = entry.strip().split("\\|", -1);
            if (parts.length != 3 || !Ids.isValid(parts[0].strip()) || !Ids.isValid(parts[1].strip()))
                throw new IllegalArgumentException("IMPORT_FEEDS entry must be sourceId|organisationId|url: " + entry.strip());
            URI url = URI.create(parts[2].strip());
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()))
                throw new IllegalArgumentException("IMPORT_FEEDS url must be http(s): " + url);
            feeds.add(new FeedConfig(parts[0].strip(), parts[1].strip(), url));
        }
        return feeds;
    }
}
