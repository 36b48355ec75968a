package nl.ontwikkelplein.local;

import com.sun.net.httpserver.HttpExchange;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Serves the site from the bucket, as CloudFront does in front of it: the directory-index rule of
 * the template's CloudFront Function (uri ending in '/' gets 'index.html'; a last segment without
 * a dot gets '/index.html'), the object's Content-Type and Cache-Control, GET and HEAD only.
 * A missing object is left to the caller, which applies the distribution's failover.
 *
 * <p>The key is derived from the percent-decoded path and refused when any segment is '.' or '..'
 * (or holds a backslash or control character): the filesystem blob store maps keys to files, so
 * such a key could otherwise name a file outside the bucket directory.
 */
final class SiteFiles {

    static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="nl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Pagina niet gevonden</title></head>
            <body><main><h1>Pagina niet gevonden</h1>
            <p>Deze pagina bestaat niet. Ga naar de <a href="/">startpagina</a>.</p></main></body>
            </html>
            """;

    private final S3Client s3;
    private final String bucket;
    private final ResponseHeadersPolicy headersPolicy;

    SiteFiles(S3Client s3, String bucket, ResponseHeadersPolicy headersPolicy) {
        this.s3 = s3;
        this.bucket = bucket;
        this.headersPolicy = headersPolicy;
    }

    /** Adds the distribution's response headers: call last, just before the status line goes out. */
    void applyHeadersPolicy(HttpExchange exchange) {
        headersPolicy.apply(exchange.getResponseHeaders());
    }

    /**
     * Answers from the bucket; returns the status the bucket gave when it has no such object (then
     * nothing was sent), or 0 when the answer was sent.
     */
    int serve(HttpExchange exchange, String method, String rawPath) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            applyHeadersPolicy(exchange);
            HttpFront.send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed".getBytes(StandardCharsets.UTF_8), false);
            return 0;
        }
        boolean head = method.equals("HEAD");
        Optional<String> key = objectKey(rawPath);
        if (key.isEmpty()) {
            return 404;
        }
        try {
            if (head) {
                HeadObjectResponse object = s3.headObject(b -> b.bucket(bucket).key(key.get()));
                objectHeaders(exchange, object.contentType(), object.cacheControl(), object.contentEncoding(), object.eTag(), object.lastModified());
                exchange.getResponseHeaders().set("Content-Length", Long.toString(object.contentLength()));
                applyHeadersPolicy(exchange);
                exchange.sendResponseHeaders(200, -1);
            } else {
                try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(key.get()))) {
                    GetObjectResponse meta = object.response();
                    objectHeaders(exchange, meta.contentType(), meta.cacheControl(), meta.contentEncoding(), meta.eTag(), meta.lastModified());
                    long length = meta.contentLength();
                    applyHeadersPolicy(exchange);
                    exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
                    if (length > 0) {
                        object.transferTo(exchange.getResponseBody());
                    }
                }
            }
            return 0;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return e.statusCode();
            }
            throw e;
        }
    }

    /** The template's CloudFront Function (DirectoryIndexFunction), verbatim in Java. */
    static String indexRule(String rawPath) {
        if (rawPath.endsWith("/")) {
            return rawPath + "index.html";
        }
        return rawPath.substring(rawPath.lastIndexOf('/') + 1).contains(".") ? rawPath : rawPath + "/index.html";
    }

    /** The object key for a request path, or empty when the path must not reach the store. */
    static Optional<String> objectKey(String rawPath) {
        String uri;
        try {
            uri = PercentCoding.decode(rawPath);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!uri.startsWith("/")) {
            return Optional.empty();
        }
        String key = indexRule(uri).substring(1);
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        return Optional.of(key);
    }

    private static void objectHeaders(HttpExchange exchange, String contentType, String cacheControl, String contentEncoding,
                                      String eTag, Instant lastModified) {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType == null ? "application/octet-stream" : contentType);
        if (cacheControl != null) {
            headers.set("Cache-Control", cacheControl);
        }
        if (contentEncoding != null) {
            headers.set("Content-Encoding", contentEncoding);
        }
        if (eTag != null) {
            headers.set("ETag", eTag);
        }
        if (lastModified != null) {
            headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        }
    }

    /** The answer when the template has no failover for missing pages. */
    static void notFound(HttpExchange exchange, boolean head) throws IOException {
        HttpFront.send(exchange, 404, "text/html; charset=utf-8", NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8), head);
    }
}
