package nl.ontwikkelplein.web.workspace;

/**
 * What the workspace layout needs: the page title, who is signed in (null on the sign-in pages)
 * and the CSRF token for the sign-out form.
 */
public record StaffPage(String title, String signedInName, String csrf, boolean admin, String current, String assetVersion, boolean referrer) {
    public StaffPage(String title, String signedInName, String csrf, boolean admin, String current, String assetVersion) {
        this(title, signedInName, csrf, admin, current, assetVersion, false);
    }

    public String cssHref(String path) {
        return assetVersion == null || assetVersion.isEmpty() ? path : path + "?v=" + assetVersion;
    }

    public boolean signedIn() { return signedInName != null; }

    /** aria-current for the navigation link of this section. */
    public String currentIf(String section) { return section.equals(current) ? "page" : null; }
}
