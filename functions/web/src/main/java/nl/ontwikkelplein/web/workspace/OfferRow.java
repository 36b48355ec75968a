package nl.ontwikkelplein.web.workspace;

/**
 * One line of "Ons aanbod".
 *
 * @param nextDate "di 8 december 2026, 10:00" or null when nothing is planned
 * @param seats    "3 van 8 plaatsen bezet, 5 vrij", "Vrije inloop" or "Geen data"
 */
public record OfferRow(String id, String title, String status, String statusClass, String nextDate, String seats, String href) {}
