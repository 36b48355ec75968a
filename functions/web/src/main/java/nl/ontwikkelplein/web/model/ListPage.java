package nl.ontwikkelplein.web.model;

import java.util.List;

/**
 * A list page: dates grouped by day (an agenda) or offers (a theme, a tile), paged.
 *
 * @param back   the way up ("Terug naar de agenda")
 * @param feed   a calendar feed of this list, or null
 * @param empty  what to say when the list is empty
 */
public record ListPage(PageMeta meta, String heading, String intro, Link back, List<AgendaDay> days, List<OfferCard> offers,
                       String empty, Pagination pagination, Link feed, List<LinkGroup> groups) {}
