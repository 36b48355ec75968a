package nl.ontwikkelplein.local.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalNames;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.web.DutchFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The site builder end to end on the real local stack of template.yaml (the SQLite store with its
 * change log, S3Proxy): an offer written through the catalog reaches the catalog stream, the
 * SiteBuilderFunction renders it, and the page lands in the site bucket.
 */
class SiteBuilderIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String HOSTILE_TITLE = "Klik & Tik <script>alert(1)</script>";
    static final String HOSTILE_DESCRIPTION = "Voor beginners.\"><img src=x onerror=alert(1)>";

    @TempDir
    static Path data;
    static TestStack stack;
    static Catalog catalog;
    static S3Client s3;
    static String bucket;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(TestStack.realTemplate(), data.resolve("stack"), Map.of());
        catalog = stack.stack().stores().catalog();
        s3 = stack.stack().s3();
        bucket = LocalNames.bucketName("SiteBucket");
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    /** A week from today, 14.00 in the Netherlands: upcoming whenever the test runs. */
    static LocalDateTime nextWeek() {
        return LocalDate.now(Session.ZONE).plusDays(7).atTime(14, 0);
    }

    static Optional<ResponseBytes<GetObjectResponse>> object(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    static ResponseBytes<GetObjectResponse> awaitObject(String key, String mustContain) throws InterruptedException {
        boolean appeared = TestStack.await(WAIT, () -> object(key).map(o -> o.asUtf8String().contains(mustContain)).orElse(false));
        assertTrue(appeared, key + " with '" + mustContain + "' did not appear in the bucket within " + WAIT);
        return object(key).orElseThrow();
    }

    @Test
    void savedOfferBecomesAnEscapedPageAndIsListedOnTheHomePage() throws Exception {
        Organisation org = new Organisation("bibliotheek-hardenberg", "Bibliotheek Hardenberg", "https://www.bibliotheekhardenberg.nl/");
        Location loc = new Location("hardenberg-centrum", org.id(), "Bibliotheek Hardenberg", Location.LocationKind.BRANCH,
                new Location.Address("Voorstraat 34", "7772 AE", "Hardenberg"), null, null);
        catalog.saveOrganisation(org);
        catalog.saveLocation(loc);
        LocalDateTime start = nextWeek();
        Offer offer = new Offer("klik-en-tik-it", org.id(), HOSTILE_TITLE, "Leer typen, e-mailen en internetten.", HOSTILE_DESCRIPTION,
                OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS, List.of(), List.of("Beginners"), DeliveryFormat.IN_PERSON, Price.FREE,
                null, null, null, null, null,
                List.of(new Session("eerste", start, start.plusHours(2), loc.id(), 12, 0, Session.SessionStatus.SCHEDULED)));
        catalog.createOffer(offer);

        // The offer page, from the stream.
        ResponseBytes<GetObjectResponse> page = awaitObject("aanbod/klik-en-tik-it/index.html", "Voorstraat 34");
        // S3Proxy's Jetty drops the space after ';' (see LocalStackStartTest); the media type is the same.
        assertEquals("text/html;charset=utf-8", page.response().contentType().replace("; ", ";"));
        assertEquals("public, max-age=60, must-revalidate", page.response().cacheControl());
        String html = page.asUtf8String();
        assertTrue(html.contains("Klik &amp; Tik &lt;script&gt;alert(1)&lt;/script&gt;"), "title escaped");
        assertFalse(html.contains("<script>alert(1)"), "no live script from the editor");
        assertFalse(html.contains("<img src=x"), "no live img from the editor");
        assertTrue(html.contains("Voor beginners.&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
                || html.contains("Voor beginners.\"&gt;&lt;img src=x onerror=alert(1)&gt;"), "description escaped");
        assertTrue(html.contains("\\u003cscript\\u003e"), "JSON-LD escaped");
        assertTrue(html.contains("action=\"/api/offers/klik-en-tik-it/sessions/eerste/enrolments\""), "enrolment form");
        String date = DutchFormat.date(start.toLocalDate());
        assertTrue(html.contains(date.substring(0, 1).toUpperCase() + date.substring(1)), "session date in Dutch");

        // The home page lists the session.
        ResponseBytes<GetObjectResponse> home = awaitObject("index.html", "/aanbod/klik-en-tik-it/");
        assertEquals("public, max-age=60, must-revalidate", home.response().cacheControl());
        assertTrue(home.asUtf8String().contains("Nog 12 plaatsen"));
        assertTrue(home.asUtf8String().contains("Klik &amp; Tik &lt;script&gt;"), "escaped on the home page too");

        // The local HTTP front serves it the way CloudFront does (directory index).
        HttpResponse<String> viaFront = stack.get("/aanbod/klik-en-tik-it/");
        assertEquals(200, viaFront.statusCode());
        assertTrue(viaFront.body().contains("Voorstraat 34"));

        // An edit reaches the page too.
        catalog.updateOffer(offer.withSessions(List.of(new Session("eerste", start, start.plusHours(2), loc.id(), 20, 0,
                Session.SessionStatus.SCHEDULED))));
        awaitObject("aanbod/klik-en-tik-it/index.html", "Nog 20 plaatsen");
        awaitObject("index.html", "Nog 20 plaatsen");
    }

    @Test
    void nightlyRebuildPublishesAssetsWithTheirTypes() throws Exception {
        stack.stack().functions().invoke("SiteRebuildFunction", "{}");
        ResponseBytes<GetObjectResponse> css = object("css/site.css").orElseThrow();
        assertEquals("text/css;charset=utf-8", css.response().contentType().replace("; ", ";"));
        assertEquals("public, max-age=86400", css.response().cacheControl());
        assertEquals("image/svg+xml", object("favicon.svg").orElseThrow().response().contentType());
        assertTrue(object("404.html").orElseThrow().asUtf8String().contains("Deze pagina bestaat niet"));
        assertTrue(object("index.html").isPresent());
    }
}
