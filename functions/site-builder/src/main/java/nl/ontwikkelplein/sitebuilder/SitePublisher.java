package nl.ontwikkelplein.sitebuilder;

/** Where the static site goes: paths are relative to the site root, without a leading slash ("aanbod/x/index.html"). */
public interface SitePublisher {
    void put(String path, byte[] body, String contentType, String cacheControl);

    /** Removes a page; removing what is not there is fine. */
    void delete(String path);
}
