package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * "Ons aanbod": the offers of one organisation, searched and paged.
 *
 * @param organisations the organisations the signed-in person may choose between (more than one: a select)
 * @param previous      link to the previous page, or null
 */
public record OffersPage(StaffPage page, String organisationId, String organisationName, List<Choice> organisations,
                         String query, List<Choice> statuses, List<Choice> locations, List<OfferRow> rows, int total, String range, String previous, String next,
                         String newHref) {
    public record Choice(String value, String label, boolean selected) {}
}
