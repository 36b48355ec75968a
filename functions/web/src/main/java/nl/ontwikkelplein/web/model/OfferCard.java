package nl.ontwikkelplein.web.model;

/**
 * One offer in a list of offers (a theme, a tile, a search).
 *
 * @param next  when it is on next ("Dinsdag 8 december, 14.00 uur"), or null for e-learning without dates
 * @param more  "en nog 4 keer", or null
 */
public record OfferCard(String href, String title, String summary, String kind, String next, String isoNext, String more,
                        String place, String price, Availability availability) {}
