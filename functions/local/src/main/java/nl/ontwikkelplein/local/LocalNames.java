package nl.ontwikkelplein.local;

import java.util.Locale;

/**
 * How template resources are named locally. One place, so the runtime, the tests and other
 * engineers' tools agree: a table's physical name is its logical id, a bucket's is the stack name
 * plus its lower-cased logical id (bucket names must be lower case).
 */
public final class LocalNames {

    public static final String STACK_NAME = "ontwikkelplein";
    public static final String REGION = "eu-west-1";
    /** The account id of local ARNs (stream ARNs, function ARNs in on-failure records). */
    public static final String ACCOUNT_ID = "000000000000";

    private LocalNames() {
    }

    public static String tableName(String logicalId) {
        return logicalId;
    }

    public static String bucketName(String logicalId) {
        return STACK_NAME + "-" + logicalId.toLowerCase(Locale.ROOT);
    }

    public static String queueName(String logicalId) {
        return STACK_NAME + "-" + logicalId;
    }
}
