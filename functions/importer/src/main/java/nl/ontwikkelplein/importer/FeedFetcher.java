package nl.ontwikkelplein.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Downloads a feed with bounds on time and size: a partner's broken server must not hang the import.
 * HttpURLConnection rather than java.net.http.HttpClient: the SDK has loaded it already, and the
 * HttpClient costs some 400 classes more on a cold start (docs/benchmarks.md).
 */
final class FeedFetcher {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    byte[] fetch(URI url) throws IOException {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
            // Redirects are followed by hand, so that a redirect to a non-HTTP scheme is refused.
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("User-Agent", "Ontwikkelplein-import/1");
            try {
                int status = connection.getResponseCode();
                if (status >= 300 && status < 400 && connection.getHeaderField("Location") != null) {
                    if (redirects >= MAX_REDIRECTS) throw new IOException("too many redirects from " + url);
                    current = current.resolve(connection.getHeaderField("Location"));
                    if (!"https".equals(current.getScheme()) && !"http".equals(current.getScheme()))
                        throw new IOException("redirect to a non-HTTP address from " + url);
                    continue;
                }
                if (status != 200) throw new IOException("HTTP " + status + " from " + current);
                if (connection.getContentLengthLong() > MAX_BYTES)
                    throw new IOException("feed larger than " + MAX_BYTES + " bytes: " + current);
                try (InputStream body = connection.getInputStream()) {
                    byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) throw new IOException("feed larger than " + MAX_BYTES + " bytes: " + current);
                    return bytes;
                }
            } finally {
                connection.disconnect();
            }
        }
    }
}
