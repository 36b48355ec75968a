package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * An editor's save goes live through the workspace's own request for its pages (an asynchronous
 * Invoke of SitePublishFunction through the local Lambda endpoint), not through the catalog
 * stream: here the stream's site builder is taken out of the template, so only that path can
 * publish.
 */
class EditorChangeGoesLiveTest {
    @TempDir
    static Path dir;
    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        String template = Files.readString(TestStack.realTemplate());
        String withoutStream = template.replaceFirst("(?s)      Events:\n        CatalogChanges:.*?(?=\n  # An editor's save)", "");
        assertNotEquals(template, withoutStream, "the site builder's stream event is in the template");
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, withoutStream);
        stack = TestStack.start(copyNextToRepo(copy), dir.resolve("data"), Map.of());
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), Instant.now(), null));
    }

    /** The copy sits in the repository root (ignored by git), so paths the template names resolve as for the real one. */
    private static Path copyNextToRepo(Path copy) throws Exception {
        Path target = TestStack.realTemplate().getParent().resolve("target").resolve("template-without-site-stream-" + ProcessHandle.current().pid() + ".yaml");
        Files.createDirectories(target.getParent());
        Files.copy(copy, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    @Test
    void aSavedTitleIsOnThePublicPageWithinSecondsWithoutTheStream() throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(10).withMinute(0).withSecond(0).withNano(0);
        Offer offer = new Offer("digitaal-cafe", "bieb-a", "Digitaal Café", "Samen oefenen.", "Neem uw telefoon mee.", OfferKind.COURSE,
                ProgrammeLine.BASIC_SKILLS, List.of("digitale vaardigheden"), List.of("volwassenen"), DeliveryFormat.IN_PERSON, Price.FREE,
                null, null, null, null, Instant.now(), List.of(new Session("d1", start, start.plusHours(2), "vestiging-a", 8, 0, Session.SessionStatus.SCHEDULED)));
        stack.stack().stores().catalog().createOffer(offer);
        Thread.sleep(1500); // were the stream still wired, it would have published by now
        assertEquals(404, stack.get("/aanbod/digitaal-cafe/").statusCode(), "nothing publishes a catalog write by itself here");

        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        String form = anna.get("/beheer/aanbod/digitaal-cafe/bewerken").body();
        Map<String, String> fields = new java.util.LinkedHashMap<>(OfferWorkspaceTest.offerFields("Digitaal Café: nieuwe tijden"));
        fields.put("versie", OfferWorkspaceTest.version(form));
        long saved = System.nanoTime();
        HttpResponse<String> r = anna.post("/beheer/aanbod/digitaal-cafe/bewerken", fields);
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(TestStack.await(Duration.ofSeconds(15), () -> page("/aanbod/digitaal-cafe/").contains("Digitaal Café: nieuwe tijden")),
                "the workspace asked for the page");
        System.out.printf("editor's save to public page: %.2f s%n", (System.nanoTime() - saved) / 1e9);
        assertFalse(page("/lijn/basisvaardigheden/").contains("Digitaal Café"), "the lists are left to the stream, which is not wired here");

        // Back to draft: the page goes, at once, and so would the lists that named it.
        String status = anna.get("/beheer/aanbod/digitaal-cafe").body();
        HttpResponse<String> draft = anna.post("/beheer/aanbod/digitaal-cafe/status", Map.of("status", "DRAFT", "versie", OfferWorkspaceTest.version(status)));
        assertEquals(303, draft.statusCode(), draft.body());
        assertTrue(TestStack.await(Duration.ofSeconds(15), () -> {
            try {
                return stack.get("/aanbod/digitaal-cafe/").statusCode() == 404;
            } catch (Exception e) {
                return false;
            }
        }), "a draft's page is taken offline by the workspace's request");
    }

    @Test
    void theLocalLambdaEndpointAnswersAsLambdaDoes() {
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(System.getProperty("aws.endpointUrlLambda")))
                .region(Region.EU_WEST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            InvokeResponse event = lambda.invoke(b -> b.functionName("SitePublishFunction").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"offerIds\":[\"../../etc\", 42]}")));
            assertEquals(202, event.statusCode());
            InvokeResponse sync = lambda.invoke(b -> b.functionName("arn:aws:lambda:eu-west-1:000000000000:function:SitePublishFunction")
                    .payload(SdkBytes.fromUtf8String("{\"offerIds\":[\"../../etc\", 42]}")));
            assertEquals(200, sync.statusCode());
            assertEquals("\"offers=0\"", sync.payload().asString(StandardCharsets.UTF_8), "hostile ids are ignored");
            assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(b -> b.functionName("GeenFunctie").payload(SdkBytes.fromUtf8String("{}"))));
            assertThrows(software.amazon.awssdk.services.lambda.model.LambdaException.class, () -> lambda.invoke(b -> b.functionName("SitePublishFunction")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"x\":\"" + "a".repeat(300_000) + "\"}"))),
                    "an event over 256 KB is refused");
        }
    }

    private static String page(String path) {
        try {
            HttpResponse<String> r = stack.get(path);
            return r.statusCode() == 200 ? r.body() : "";
        } catch (Exception e) {
            return "";
        }
    }
}
