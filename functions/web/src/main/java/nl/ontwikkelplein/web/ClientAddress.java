package nl.ontwikkelplein.web;

import java.util.Map;

/**
 * Who is asking, for rate limits. Behind CloudFront the API sees CloudFront's address, not the
 * visitor's; the distribution's ViewerAddressFunction (template.yaml) puts the viewer's address in
 * {@code x-viewer-address}, overwriting whatever the viewer sent. Locally there is no CloudFront:
 * the connecting address is the client.
 */
public final class ClientAddress {
    public static final String HEADER = "x-viewer-address";

    private ClientAddress() {}

    /** @param headers lower-case header names, as API Gateway gives them */
    public static String of(Map<String, String> headers, String sourceIp) {
        String viewer = headers == null ? null : headers.get(HEADER);
        if (viewer != null && !viewer.isBlank() && viewer.length() <= 64) return viewer.strip();
        return sourceIp == null ? "" : sourceIp;
    }
}
