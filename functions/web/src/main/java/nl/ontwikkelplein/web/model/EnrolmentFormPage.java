package nl.ontwikkelplein.web.model;

/** The enrolment form of one session shown again, with what went wrong. */
public record EnrolmentFormPage(PageMeta meta, String offerTitle, Link back, SessionView session, FormState form) {}
