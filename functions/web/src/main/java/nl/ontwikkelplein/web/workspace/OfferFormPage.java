package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * The form with every field of an offer (new or changed). When a colleague saved the offer
 * meanwhile, {@code changedMeanwhile} lists what they changed and the form keeps what this
 * editor typed, against the new version.
 *
 * @param version the offer's updatedAt as read, sent back to detect a colleague's change
 */
public record OfferFormPage(StaffPage page, String heading, String action, Form form, List<Field> fields, String version,
                            List<String> changedMeanwhile, String back) {}
