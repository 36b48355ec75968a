package nl.ontwikkelplein.sitebuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.store.dynamodb.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Hands offer pages to SitePublishFunction ({@code SITE_PUBLISH_FUNCTION}) in asynchronous
 * Invokes of at most {@link SitePublishHandler#MAX_OFFERS} each: Lambda runs them side by side
 * and retries each on its own (50 listings of at most 1,800 bytes stay far under the 256 KB of an
 * event).
 */
final class LambdaOfferPageJobs implements OfferPageJobs {
    private final LambdaClient lambda;
    private final String functionName;

    LambdaOfferPageJobs(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    /** The publisher the environment names, or null without one (then a build renders every page itself). */
    static OfferPageJobs fromEnvironment(Map<String, String> env) {
        String name = env.getOrDefault("SITE_PUBLISH_FUNCTION", "");
        if (name.isBlank()) return null;
        return new LambdaOfferPageJobs(LambdaClient.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials()).build(), name.strip());
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public void send(Map<String, String> listsByOffer, long listedAt) {
        List<Map.Entry<String, String>> all = new ArrayList<>(listsByOffer.entrySet());
        for (int from = 0; from < all.size(); from += SitePublishHandler.MAX_OFFERS) {
            Map<String, String> chunk = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : all.subList(from, Math.min(all.size(), from + SitePublishHandler.MAX_OFFERS)))
                chunk.put(e.getKey(), e.getValue());
            // Ids are [a-z0-9-] and listings front-coded folder names, so quoting them is all the JSON needs.
            StringBuilder payload = new StringBuilder("{\"offerIds\":[");
            StringBuilder lists = new StringBuilder("\"lists\":{");
            String sep = "";
            for (Map.Entry<String, String> e : chunk.entrySet()) {
                payload.append(sep).append(quote(e.getKey()));
                lists.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                sep = ",";
            }
            String event = payload.append("],").append(lists).append("},\"listedAt\":").append(listedAt).append('}').toString();
            lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(event)));
        }
    }
}
