package nl.ontwikkelplein.tools.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.EditorTokens;
import nl.ontwikkelplein.store.dynamodb.DynamoEditorTokens;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates an editor token and prints it once; only its hash is stored. By default in the local
 * database (the data directory of the local run, also while it runs); with {@code --aws} in the
 * deployed EditorsTable (name from EDITORS_TABLE, credentials and region from the usual AWS
 * configuration).
 *
 * <pre>
 * mvn -q -pl tools/admin exec:java -Dexec.args="--name 'Anna de Vries' [--role ADMIN|EDITOR] [--organisation ID]... [--days 365] [--aws]"
 * </pre>
 */
public final class CreateEditorToken {
    private CreateEditorToken() {}

    record Options(String name, Role role, List<String> organisations, int days, boolean aws) {}

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: CreateEditorToken --name NAME [--role ADMIN|EDITOR] [--organisation ID]... [--days N] [--aws]");
            System.exit(2);
            return;
        }
        Instant now = Instant.now();
        Editor editor = new Editor(options.name(), options.role(), options.organisations(), now, now.plus(Duration.ofDays(options.days())));
        String token;
        if (options.aws()) {
            String table = System.getenv("EDITORS_TABLE");
            if (table == null || table.isBlank()) {
                System.err.println("set EDITORS_TABLE to the table name (stack output EditorsTableName)");
                System.exit(2);
                return;
            }
            try (DynamoDbClient dynamo = DynamoDbClient.create()) {
                token = issue(new DynamoEditorTokens(dynamo, table), editor);
            }
        } else {
            Path file = localDatabase(System.getenv());
            try (SqliteDatabase database = SqliteDatabase.open(file)) {
                token = issue(SqliteStores.on(database, Clock.systemUTC()).editorTokens(), editor);
            }
            System.out.println("(stored in " + file + ")");
        }
        System.out.println("Token for " + editor.name() + " (" + editor.role() + ", valid " + options.days() + " days). It is shown only now:");
        System.out.println(token);
    }

    static String issue(EditorTokens tokens, Editor editor) {
        return new EditorAuth(tokens, Clock.systemUTC()).issue(editor);
    }

    static Options parse(String[] args) {
        String name = null;
        Role role = Role.ADMIN;
        List<String> organisations = new ArrayList<>();
        int days = 365;
        boolean aws = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = value(args, ++i);
                case "--role" -> {
                    try {
                        role = Role.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--role is ADMIN or EDITOR");
                    }
                }
                case "--organisation" -> organisations.add(value(args, ++i));
                case "--days" -> {
                    try {
                        days = Integer.parseInt(value(args, ++i));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--days needs a whole number");
                    }
                    if (days < 1 || days > 3650) throw new IllegalArgumentException("--days is between 1 and 3650");
                }
                case "--aws" -> aws = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (name == null || name.isBlank()) throw new IllegalArgumentException("--name is required");
        if (role == Role.EDITOR && organisations.isEmpty()) throw new IllegalArgumentException("an EDITOR needs at least one --organisation");
        return new Options(name.strip(), role, List.copyOf(organisations), days, aws);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException("missing value for " + args[i - 1]);
        return args[i];
    }

    /** As the local run finds it: ONTWIKKELPLEIN_DATA_DIR, else .local-data beside template.yaml. */
    static Path localDatabase(Map<String, String> env) {
        String dataDir = env.get("ONTWIKKELPLEIN_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) return Path.of(dataDir).toAbsolutePath().resolve("ontwikkelplein.db");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir.resolve(".local-data").resolve("ontwikkelplein.db");
        }
        throw new IllegalArgumentException("no template.yaml here or above: run from the repository, or set ONTWIKKELPLEIN_DATA_DIR");
    }
}
