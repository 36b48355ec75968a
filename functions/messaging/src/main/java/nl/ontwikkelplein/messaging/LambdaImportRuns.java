package nl.ontwikkelplein.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.ImportRuns;
import nl.ontwikkelplein.store.dynamodb.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Asks the import function (template: ImportFunction, its name in {@code IMPORT_FUNCTION}) to run
 * or end one feed now, with an asynchronous Invoke: a feed may take a minute, the admin does not wait.
 */
public final class LambdaImportRuns implements ImportRuns {
    private static final Logger LOG = Logger.getLogger(LambdaImportRuns.class.getName());

    private final LambdaClient lambda;
    private final String functionName;

    public LambdaImportRuns(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    /** The function's environment names the importer; without it nothing can be asked. Builds the client: call once, at init. */
    public static ImportRuns fromEnvironment(Map<String, String> env) {
        String name = env.getOrDefault("IMPORT_FUNCTION", "");
        if (name.isBlank()) return ImportRuns.NONE;
        return new LambdaImportRuns(LambdaClient.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials()).build(), name.strip());
    }

    /** The event the import reads: {@code {"feeds": [id]}}, {@code {"confirmShrink": [id]}} (which also runs it) or {@code {"removeFeeds": [id]}}. */
    static String event(String key, String feedId) {
        // A valid id is [a-z0-9-]: the event needs no JSON escaping.
        return "{\"" + key + "\":[\"" + Ids.requireValid(feedId) + "\"]}";
    }

    @Override
    public boolean runNow(String feedId, boolean confirmShrink) {
        return ask(event(confirmShrink ? "confirmShrink" : "feeds", feedId));
    }

    @Override
    public boolean removeFeed(String feedId) {
        return ask(event("removeFeeds", feedId));
    }

    /** @param event built by {@link #event}: an invalid id is a bug of the caller, thrown there, not swallowed here */
    private boolean ask(String event) {
        try {
            lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromString(event, StandardCharsets.UTF_8)));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not ask " + functionName + " about a feed", e);
            return false;
        }
    }
}
