package nl.ontwikkelplein.web.workspace;

/** The page a sign-in link opens: one button that signs in (a POST, so mail scanners that open links use nothing up). */
public record ConfirmPage(StaffPage page, String code, String csrf) {}
