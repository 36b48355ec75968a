package nl.ontwikkelplein.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.ontwikkelplein.domain.SiteUpdates;
import nl.ontwikkelplein.store.dynamodb.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Asks the site publisher function (template: SitePublishFunction, its name in
 * {@code SITE_PUBLISH_FUNCTION}) for offers' pages with an asynchronous Invoke: Lambda queues the
 * event and answers at once, so the editor does not wait for the rendering.
 */
public final class LambdaSiteUpdates implements SiteUpdates {
    private static final Logger LOG = Logger.getLogger(LambdaSiteUpdates.class.getName());

    private final LambdaClient lambda;
    private final String functionName;

    public LambdaSiteUpdates(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    /** The function's environment names the publisher; without it (tests, other stacks) nothing is asked. Builds the client: call once, at init. */
    public static SiteUpdates fromEnvironment(Map<String, String> env) {
        String name = env.getOrDefault("SITE_PUBLISH_FUNCTION", "");
        if (name.isBlank()) return SiteUpdates.NONE;
        return new LambdaSiteUpdates(LambdaClient.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials()).build(), name.strip());
    }

    @Override
    public void offersChanged(Collection<String> offerIds) {
        // Valid ids are [a-z0-9-], so the event needs no JSON escaping.
        java.util.List<String> ids = offerIds.stream().filter(nl.ontwikkelplein.domain.Ids::isValid).distinct().toList();
        if (ids.isEmpty()) return;
        String event = "{\"offerIds\":[\"" + String.join("\",\"", ids) + "\"]}";
        try {
            lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromString(event, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            // The save stands; the catalog stream publishes the change a little later.
            LOG.log(Level.WARNING, "could not ask " + functionName + " for " + offerIds.size() + " offer page(s); the stream will publish them", e);
        }
    }
}
