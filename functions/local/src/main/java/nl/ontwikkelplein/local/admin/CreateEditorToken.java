package nl.ontwikkelplein.local.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.store.DynamoEditorTokens;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates an editor token and prints it once; only its hash is stored. Against the local stack
 * by default; with {@code --aws} against the deployed EditorsTable (name from EDITORS_TABLE,
 * credentials and region from the usual AWS configuration).
 *
 * <pre>
 * mvn -q -pl functions/local exec:java -Dexec.mainClass=nl.ontwikkelplein.local.admin.CreateEditorToken \
 *     -Dexec.args="--name 'Anna de Vries' [--role ADMIN|EDITOR] [--organisation ID]... [--days 365] [--aws]"
 * </pre>
 */
public final class CreateEditorToken {
    private CreateEditorToken() {}

    public static void main(String[] args) {
        String name = null;
        Editor.Role role = Editor.Role.ADMIN;
        List<String> organisations = new ArrayList<>();
        int days = 365;
        boolean aws = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = value(args, ++i);
                case "--role" -> role = Editor.Role.valueOf(value(args, ++i).toUpperCase(java.util.Locale.ROOT));
                case "--organisation" -> organisations.add(value(args, ++i));
                case "--days" -> days = Integer.parseInt(value(args, ++i));
                case "--aws" -> aws = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (name == null || name.isBlank()) usage("--name is required");
        if (role == Editor.Role.EDITOR && organisations.isEmpty()) usage("an EDITOR needs at least one --organisation");

        String table = aws ? System.getenv("EDITORS_TABLE") : "EditorsTable";
        if (table == null || table.isBlank()) usage("set EDITORS_TABLE to the table name (stack output EditorsTableName)");
        try (DynamoDbClient dynamo = aws ? DynamoDbClient.create() : localClient()) {
            Instant now = Instant.now();
            Editor editor = new Editor(name.strip(), role, organisations, now, now.plus(Duration.ofDays(days)));
            String token = new EditorAuth(new DynamoEditorTokens(dynamo, table), Clock.systemUTC()).issue(editor);
            System.out.println("Token for " + editor.name() + " (" + role + ", valid " + days + " days). It is shown only now:");
            System.out.println(token);
        }
    }

    private static DynamoDbClient localClient() {
        String port = System.getenv().getOrDefault("ONTWIKKELPLEIN_DYNAMODB_PORT", "8000");
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) usage("missing value for " + args[i - 1]);
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: CreateEditorToken --name NAME [--role ADMIN|EDITOR] [--organisation ID]... [--days N] [--aws]");
        System.exit(2);
    }
}
