package nl.ontwikkelplein.web.site;

import java.util.List;
import java.util.Map;

/**
 * One offer as the finder's text search indexes it (a Pagefind record).
 *
 * @param url     the offer page, site-relative
 * @param content the words it is found by: title, summary, description, themes, target groups, places, organisation
 * @param meta    what a result shows: {@code title}, {@code samenvatting}, {@code wanneer}, {@code waar}, {@code kosten}, {@code soort}
 * @param filters facet id → filter slugs, as {@code /zoeken/{slug}/} has them
 *
 * <p>No sort key: Pagefind's metadata, which every visitor loads, would grow by one value per
 * offer, and records are added in list order (soonest first), the order a filter alone answers in.
 */
public record SearchRecord(String url, String content, Map<String, String> meta, Map<String, List<String>> filters) {
    public SearchRecord {
        meta = Map.copyOf(meta);
        filters = Map.copyOf(filters);
    }
}
