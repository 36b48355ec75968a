package nl.ontwikkelplein.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

/**
 * Downloads a feed from a partner's server, which we do not control: https only; never to a
 * loopback, private, link-local or otherwise non-public address (checked on the addresses the
 * host resolves to, before the first request and after every redirect: in Lambda that keeps the
 * runtime API on 127.0.0.1 and the metadata addresses on 169.254.x out of reach); one deadline
 * for the whole download, redirects and a slow trickle of bytes included; a size cap per format.
 * Error messages name the host, never the path or query, which may hold a partner's key.
 *
 * <p>The addresses checked are those the connection uses: the JVM caches a lookup (30 s by
 * default), so the connection made right after the check resolves to the same addresses.
 * HttpURLConnection rather than java.net.http.HttpClient: the SDK has loaded it already, and the
 * HttpClient costs some 400 classes more on a cold start (docs/benchmarks.md).
 */
final class FeedFetcher {
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 3;

    /** Resolves a host name to its addresses (a seam for tests; DNS in production). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * @param loopback plain http to this machine is allowed (the local runtime's demo feeds and tests);
     *                 never in Lambda, whatever the configuration says
     */
    record Policy(boolean loopback) {
        static final Policy STRICT = new Policy(false);

        /** IMPORT_LOOPBACK_FEEDS=true allows loopback, except in a real Lambda environment (AWS_LAMBDA_RUNTIME_API is set there). */
        static Policy fromEnvironment(Map<String, String> env) {
            boolean asked = "true".equalsIgnoreCase(env.getOrDefault("IMPORT_LOOPBACK_FEEDS", "").strip());
            boolean inLambda = !env.getOrDefault("AWS_LAMBDA_RUNTIME_API", "").isBlank();
            return new Policy(asked && !inLambda);
        }
    }

    private final Policy policy;
    private final Resolver resolver;
    private final Duration deadline;

    FeedFetcher(Policy policy) { this(policy, InetAddress::getAllByName, DEADLINE); }

    FeedFetcher(Policy policy, Resolver resolver, Duration deadline) {
        this.policy = policy;
        this.resolver = resolver;
        this.deadline = deadline;
    }

    byte[] fetch(URI url, int maxBytes) throws IOException {
        return budget(maxBytes).fetch(url);
    }

    /** Requests for one feed (OOAPI's pages): one deadline from now, and at most {@code maxBytes} together. */
    Budget budget(int maxBytes) { return new Budget(System.nanoTime() + deadline.toNanos(), maxBytes); }

    final class Budget {
        private final long end;
        private long bytesLeft;

        private Budget(long end, long bytesLeft) {
            this.end = end;
            this.bytesLeft = bytesLeft;
        }

        byte[] fetch(URI url) throws IOException {
            byte[] body = download(url, (int) Math.min(Integer.MAX_VALUE - 8, bytesLeft), end);
            bytesLeft -= body.length;
            return body;
        }
    }

    private byte[] download(URI url, int maxBytes, long end) throws IOException {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            check(current);
            HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
            // Redirects are followed by hand, so that every hop is checked.
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(millisLeft(end, 10_000, current));
            connection.setReadTimeout(millisLeft(end, 30_000, current));
            connection.setRequestProperty("User-Agent", "Ontwikkelplein-import/1");
            boolean readToTheEnd = false;
            try {
                int status = connection.getResponseCode();
                String location = connection.getHeaderField("Location");
                if (status >= 300 && status < 400 && location != null) {
                    if (redirects >= MAX_REDIRECTS) throw new IOException("te veel doorverwijzingen vanaf " + host(url));
                    try {
                        current = current.resolve(location.strip());
                    } catch (IllegalArgumentException e) {
                        throw new IOException("een doorverwijzing naar een onbruikbaar adres vanaf " + host(current));
                    }
                    continue;
                }
                if (status != 200) throw new IOException("HTTP " + status + " van " + host(current));
                if (connection.getContentLengthLong() > maxBytes) throw new IOException("het bestand is groter dan " + maxBytes + " bytes (van " + host(current) + ")");
                byte[] read;
                try (InputStream body = connection.getInputStream()) {
                    read = read(body, maxBytes, end, current);
                }
                readToTheEnd = true;
                return read;
            } catch (java.net.SocketTimeoutException e) {
                throw new IOException("geen antwoord op tijd van " + host(current));
            } catch (java.net.ConnectException | javax.net.ssl.SSLException e) {
                // The JDK's own text is not for editors (and not ours to vouch for): the kind of failure and the host.
                throw new IOException("de verbinding met " + host(current) + " mislukte (" + e.getClass().getSimpleName() + ")");
            } finally {
                // A response read to its end leaves the connection to the JDK's keep-alive cache, so the
                // next page of the same partner (OOAPI's 150 pages) needs no new TCP and TLS handshake.
                if (!readToTheEnd) connection.disconnect();
            }
        }
    }

    private byte[] read(InputStream body, int maxBytes, long end, URI from) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) throw new IOException("het bestand is groter dan " + maxBytes + " bytes (van " + host(from) + ")");
            if (System.nanoTime() > end) throw new IOException("het ophalen duurde langer dan " + deadline.toSeconds() + " s (van " + host(from) + ")");
        }
        return out.toByteArray();
    }

    private int millisLeft(long end, int most, URI at) throws IOException {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) throw new IOException("het ophalen duurde langer dan " + deadline.toSeconds() + " s (van " + host(at) + ")");
        return (int) Math.min(most, left);
    }

    /** The scheme and every address the host resolves to, before anything is sent there. */
    void check(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = url.getHost();
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http")))
            throw new IOException("geen webadres (https://…): " + host(url));
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IOException("de server is niet te vinden: " + host(url));
        }
        if (addresses.length == 0) throw new IOException("de server is niet te vinden: " + host(url));
        boolean allLoopback = true;
        for (InetAddress a : addresses) {
            boolean loopback = a.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback ? !policy.loopback() : !isPublic(a))
                throw new IOException("geen openbaar adres: " + host(url) + " (" + a.getHostAddress() + ")");
        }
        if (scheme.equals("http") && !(policy.loopback() && allLoopback)) throw new IOException("alleen https is toegestaan: " + host(url));
    }

    /** Reachable on the internet: not loopback, private, link-local, shared (CGNAT), multicast or reserved. */
    static boolean isPublic(InetAddress address) {
        InetAddress a = address;
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    a = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return false;
                }
            } else {
                if (v6.isLoopbackAddress() || v6.isAnyLocalAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress() || v6.isMulticastAddress())
                    return false;
                int first = b[0] & 0xff;
                if ((first & 0xfe) == 0xfc) return false; // unique local fc00::/7
                if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return false; // documentation 2001:db8::/32
                if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) return false; // NAT64 64:ff9b::/96 may reach private IPv4
                return true;
            }
        }
        if (!(a instanceof Inet4Address)) return false;
        byte[] b = a.getAddress();
        int x = b[0] & 0xff, y = b[1] & 0xff, z = b[2] & 0xff;
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) return false;
        if (x == 0 || x >= 240) return false;                           // "this network", reserved and broadcast
        if (x == 100 && (y & 0xc0) == 64) return false;                  // shared address space 100.64.0.0/10
        if (x == 192 && y == 0 && (z == 0 || z == 2)) return false;      // IETF protocol assignments, TEST-NET-1
        if (x == 198 && (y == 18 || y == 19)) return false;              // benchmarking 198.18.0.0/15
        if (x == 198 && y == 51 && z == 100 || x == 203 && y == 0 && z == 113) return false; // TEST-NET-2 and -3
        return true;
    }

    /** What an error may say about a feed's address: its scheme and host, never its path, query or user info. */
    static String host(URI url) {
        if (url == null || url.getHost() == null) return "(an address without a host)";
        return (url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://") + url.getHost()
                + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    }
}
