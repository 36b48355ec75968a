package nl.ontwikkelplein.web.model;

/**
 * What the layout needs to know about a page.
 *
 * @param title        the page's own title; the layout adds " – Ontwikkelplein"
 * @param description  for search engines and link previews; may be null
 * @param canonical    site-relative URL ("/aanbod/klik-en-tik/"), or null for pages that have none
 * @param noindex      true for responses that search engines must not keep (form results)
 * @param assetVersion appended to asset URLs so browsers fetch changed CSS at once; may be null
 * @param script       a module script that improves the page when JavaScript runs ("/js/zoeken.js"); null for most pages, which need none
 */
public record PageMeta(String title, String description, String canonical, boolean noindex, String assetVersion, String script) {
    public PageMeta(String title, String description, String canonical, boolean noindex, String assetVersion) {
        this(title, description, canonical, noindex, assetVersion, null);
    }

    public PageMeta withScript(String path) { return new PageMeta(title, description, canonical, noindex, assetVersion, path); }

    public String cssHref(String path) {
        return assetVersion == null || assetVersion.isEmpty() ? path : path + "?v=" + assetVersion;
    }
}
