package nl.ontwikkelplein.web.workspace;

import java.util.List;

/** Change one date (time, place, seats) or call it off with a short reason the public page shows. */
public record DateEditPage(StaffPage page, String offerTitle, String when, String action, Form form, List<Field> fields,
                           String version, boolean cancelled, String back) {}
