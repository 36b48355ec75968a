package nl.ontwikkelplein.web.workspace;

import java.util.List;

/** Add one date or a repeating series to an offer. */
public record DatesFormPage(StaffPage page, String offerTitle, String action, Form form, List<Field> fields, String version, String back) {}
