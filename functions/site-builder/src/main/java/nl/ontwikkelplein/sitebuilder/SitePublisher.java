package nl.ontwikkelplein.sitebuilder;

import java.util.Map;

/** Where the static site goes: paths are relative to the site root, without a leading slash ("aanbod/x/index.html"). */
public interface SitePublisher {
    void put(String path, byte[] body, String contentType, String cacheControl);

    /** Removes a page; removing what is not there is fine. */
    void delete(String path);

    /**
     * What is online under a prefix ("" for everything): path → the hex MD5 of its bytes (S3's ETag
     * of a single-part upload), so a build writes only what differs.
     */
    Map<String, String> list(String prefix);
}
