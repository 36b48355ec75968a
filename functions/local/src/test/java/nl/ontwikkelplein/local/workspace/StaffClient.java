package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.local.TestStack;

/**
 * One browser, as far as the workspace can tell: its own cookies (kept as a browser keeps
 * {@code __Host-} cookies on localhost), the Origin header a browser sends on form posts, and
 * the CSRF token read from the last page. Redirects are not followed, so tests see each 303.
 */
public final class StaffClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final TestStack stack;
    final Map<String, String> cookies = new LinkedHashMap<>();
    String origin;
    String lastCsrf;

    public StaffClient(TestStack stack) {
        this.stack = stack;
        this.origin = stack.stack().baseUrl();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return remember(stack.send(withCookies(HttpRequest.newBuilder(URI.create(absolute(path)))).GET()));
    }

    /** A form post with this page's CSRF token added (unless the fields carry their own). */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        if (lastCsrf != null) all.put("csrf", lastCsrf);
        all.putAll(fields);
        return postRaw(path, form(all));
    }

    HttpResponse<String> postRaw(String path, String body) throws Exception {
        HttpRequest.Builder request = withCookies(HttpRequest.newBuilder(URI.create(absolute(path))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) request.header("Origin", origin);
        return remember(stack.send(request));
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (b.length() > 0) b.append('&');
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    private String absolute(String path) {
        return path.startsWith("http") ? path : stack.url(path);
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        for (String setCookie : response.headers().allValues("set-cookie")) {
            String[] parts = setCookie.split(";");
            String[] nameValue = parts[0].split("=", 2);
            boolean expired = setCookie.contains("Max-Age=0");
            if (expired) cookies.remove(nameValue[0].strip());
            else cookies.put(nameValue[0].strip(), nameValue[1].strip());
        }
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) lastCsrf = m.group(1);
        return response;
    }

    /** Signs in as this address through the real flow: form, outbox mail, link page, button. */
    public void signIn(String email) throws Exception {
        assertEquals(200, get("/beheer/").statusCode());
        HttpResponse<String> asked = post("/beheer/inloggen", Map.of("email", email));
        assertEquals(303, asked.statusCode(), asked.body());
        String link = latestLink(stack, email);
        HttpResponse<String> page = get(link);
        assertEquals(200, page.statusCode(), page.body());
        String code = URI.create(link).getQuery().substring("code=".length());
        HttpResponse<String> signedIn = post("/beheer/inloggen/link", Map.of("code", code));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/beheer/aanbod", signedIn.headers().firstValue("location").orElse(""));
        assertTrue(cookies.containsKey("__Host-op-sessie"));
    }

    static JsonNode outbox(TestStack stack) throws Exception {
        HttpResponse<String> response = stack.get("/_local/outbox.json");
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    static List<JsonNode> mailsTo(TestStack stack, String email) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode m : outbox(stack)) if (m.path("to").asText().equals(email)) out.add(m);
        return out;
    }

    /** The sign-in link of the newest mail to this address. */
    static String latestLink(TestStack stack, String email) throws Exception {
        List<JsonNode> mails = mailsTo(stack, email);
        assertTrue(!mails.isEmpty(), "no mail to " + email);
        Matcher m = Pattern.compile("https?://\\S+/beheer/inloggen/link\\?code=[A-Za-z0-9_-]+").matcher(mails.get(0).path("text").asText());
        assertTrue(m.find(), mails.get(0).path("text").asText());
        return m.group();
    }
}
