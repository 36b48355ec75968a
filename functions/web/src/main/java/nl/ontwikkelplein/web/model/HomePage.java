package nl.ontwikkelplein.web.model;

import java.util.List;

/**
 * The home page: the question tiles, what is on soon (grouped by day) and the ways into the agenda.
 *
 * @param more link to the rest of the agenda; null when everything is shown
 */
public record HomePage(PageMeta meta, List<TileLink> tiles, List<AgendaDay> days, Link more, List<LinkGroup> groups) {
    public HomePage(PageMeta meta, List<AgendaDay> days) { this(meta, List.of(), days, null, List.of()); }
}
