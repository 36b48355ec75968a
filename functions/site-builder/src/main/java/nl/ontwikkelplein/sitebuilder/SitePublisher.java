package nl.ontwikkelplein.sitebuilder;

import java.util.Map;
import java.util.Optional;

/** Where the static site goes: paths are relative to the site root, without a leading slash ("aanbod/x/index.html"). */
public interface SitePublisher {
    /** @param metadata small notes kept with the file (S3 user metadata: keys and values in [a-z0-9 :/*-], 2 KB in all) */
    void put(String path, byte[] body, String contentType, String cacheControl, Map<String, String> metadata);

    default void put(String path, byte[] body, String contentType, String cacheControl) { put(path, body, contentType, cacheControl, Map.of()); }

    /** Removes a page; removing what is not there is fine. */
    void delete(String path);

    /**
     * What is online under a prefix ("" for everything), in every folder below it: path → the hex
     * MD5 of its bytes (S3's ETag of a single-part upload), so a build writes only what differs.
     */
    Map<String, String> list(String prefix);

    /** Like {@link #list}, but only the files directly in a folder ("agenda/"; "" for the root), not those in folders below it. */
    Map<String, String> listFolder(String folder);

    /** One file's MD5 and metadata, or empty when it is not online. */
    Optional<Online> head(String path);

    /** One file's bytes, or empty when it is not online (small files only: it is read whole). */
    Optional<byte[]> get(String path);

    record Online(String md5, Map<String, String> metadata) {
        public Online {
            metadata = Map.copyOf(metadata);
        }
    }
}
