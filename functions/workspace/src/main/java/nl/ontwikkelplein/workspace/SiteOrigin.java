package nl.ontwikkelplein.workspace;

import java.util.Map;
import java.util.Optional;

/**
 * The site's public origin, for links in emails and the Origin check. Configured in AWS
 * (PUBLIC_ORIGIN, else the CloudFront domain SITE_DOMAIN); never taken from a request's Host there,
 * so a forged Host cannot put someone else's address in a sign-in mail. Locally there is no
 * CloudFront: the origin is the loopback address the browser used.
 */
final class SiteOrigin {
    private final String configured;

    SiteOrigin(Map<String, String> env) {
        String publicOrigin = env.getOrDefault("PUBLIC_ORIGIN", "");
        String domain = env.getOrDefault("SITE_DOMAIN", "");
        if (!publicOrigin.isBlank()) configured = publicOrigin.strip().replaceAll("/+$", "");
        else if (!domain.isBlank()) configured = "https://" + domain.strip();
        else configured = null;
    }

    Optional<String> of(WebRequest request) {
        if (configured != null) return Optional.of(configured);
        String host = request.header("host");
        if (host == null) return Optional.empty();
        String name = host.replaceAll(":\\d+$", "");
        if (!host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?") || !(name.equals("localhost") || name.equals("127.0.0.1")))
            return Optional.empty();
        return Optional.of("http://" + host);
    }

    /** True when the request's Origin header (or, without one, Sec-Fetch-Site) says it comes from this site. */
    boolean sameOrigin(WebRequest request) {
        String origin = request.header("origin");
        if (origin == null) return "same-origin".equals(request.header("sec-fetch-site"));
        return of(request).map(origin::equals).orElse(false);
    }
}
