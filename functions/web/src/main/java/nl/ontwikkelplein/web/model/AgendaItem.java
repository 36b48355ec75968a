package nl.ontwikkelplein.web.model;

/** One session on the agenda of the home page. */
public record AgendaItem(
        String href,
        String title,
        String kind,
        String time,
        String isoStart,
        String place,
        String price,
        Availability availability) {}
