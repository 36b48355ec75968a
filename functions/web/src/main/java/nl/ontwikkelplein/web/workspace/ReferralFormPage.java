package nl.ontwikkelplein.web.workspace;

import java.util.List;

/** Enrolling a client: who, how to reach them, their consent and what was explained. */
public record ReferralFormPage(StaffPage page, String offerTitle, String when, String action, Form form, List<Field> fields, String back) {}
