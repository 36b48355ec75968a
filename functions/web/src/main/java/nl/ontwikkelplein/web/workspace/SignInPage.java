package nl.ontwikkelplein.web.workspace;

/** The sign-in form: one field, the email address. {@code notice} is a line above it (signed out, session ended), or null. */
public record SignInPage(StaffPage page, Form form, String csrf, String notice) {}
