package nl.ontwikkelplein.local;

/**
 * One HttpApi event of a function: {@code Method} + {@code Path} (with {@code {param}} and
 * {@code {proxy+}} placeholders), or the {@code $default} route when the template gives neither.
 */
public record HttpRoute(String functionId, String eventName, String method, String path) {

    public static final String DEFAULT_ROUTE = "$default";

    /** The route key API Gateway puts in the event, e.g. {@code "GET /api/offers/{offerId}"}. */
    public String routeKey() {
        return isDefault() ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefault() {
        return DEFAULT_ROUTE.equals(path);
    }
}
