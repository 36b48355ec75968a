package nl.ontwikkelplein.local;

/**
 * One DynamoDB event source mapping (a SAM event of Type DynamoDB), with the defaults Lambda
 * applies when the template leaves a setting out.
 *
 * @param maximumRetryAttempts -1 means Lambda's default: retry until the records expire
 * @param maximumRecordAgeSeconds -1 means Lambda's default: the stream's 24 hour retention
 * @param onFailureDestination logical id of the on-failure destination, or null
 * @param batchingWindowSeconds MaximumBatchingWindowInSeconds: how long records may wait for a fuller batch (0: none)
 */
public record StreamSource(
        String functionId,
        String eventName,
        String tableId,
        String startingPosition,
        int batchSize,
        int maximumRetryAttempts,
        int maximumRecordAgeSeconds,
        boolean bisectBatchOnFunctionError,
        boolean reportBatchItemFailures,
        String onFailureDestination,
        int batchingWindowSeconds) {

    /** Name used for log lines and the checkpoint file. */
    public String id() {
        return functionId + "." + eventName;
    }
}
