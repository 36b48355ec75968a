package nl.ontwikkelplein.tools.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.Emails;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffAccounts;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.store.dynamodb.DynamoStaff;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates a regional admin account (the first one of a new stack) and prints the link to sign in
 * with it. Sign-in links are bound to the browser that asks for them, so the printed link opens
 * the sign-in form with the address filled in; one click there sends the one-time link by email.
 * By default in the local database; with {@code --aws} in the deployed EditorsTable (EDITORS_TABLE).
 *
 * <pre>
 * mvn -q -pl tools/admin exec:java -Dexec.mainClass=nl.ontwikkelplein.tools.admin.CreateAdmin \
 *     -Dexec.args="--email coordinator@bibliotheek.nl --name 'Coördinator' --site https://ontwikkelplein.nl [--aws]"
 * </pre>
 */
public final class CreateAdmin {
    private CreateAdmin() {}

    record Options(String email, String name, String site, boolean aws) {}

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: CreateAdmin --email ADDRESS --name NAME [--site https://...] [--aws]");
            System.exit(2);
            return;
        }
        StaffMember admin = new StaffMember(Ids.newId(options.name()), options.email(), options.name(), Role.ADMIN, List.of(), Instant.now(), null);
        try {
            if (options.aws()) {
                String table = System.getenv("EDITORS_TABLE");
                if (table == null || table.isBlank()) {
                    System.err.println("set EDITORS_TABLE to the table name (stack output EditorsTableName)");
                    System.exit(2);
                    return;
                }
                try (DynamoDbClient dynamo = DynamoDbClient.create()) {
                    create(new DynamoStaff(dynamo, table), admin);
                }
            } else {
                Path file = CreateEditorToken.localDatabase(System.getenv());
                try (SqliteDatabase database = SqliteDatabase.open(file)) {
                    create(SqliteStores.on(database, Clock.systemUTC()).staff(), admin);
                }
                System.out.println("(stored in " + file + ")");
            }
        } catch (nl.ontwikkelplein.domain.ConflictException e) {
            System.err.println("an account with this email address exists already");
            System.exit(1);
            return;
        }
        System.out.println("Regional admin " + admin.name() + " created. Sign in here (the link comes by email):");
        System.out.println(signInLink(options.site(), admin.email()));
    }

    static void create(StaffAccounts staff, StaffMember admin) {
        staff.create(admin);
    }

    static String signInLink(String site, String email) {
        return site.replaceAll("/+$", "") + "/beheer/?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    static Options parse(String[] args) {
        String email = null, name = null, site = "http://localhost:8080";
        boolean aws = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--email" -> email = value(args, ++i);
                case "--name" -> name = value(args, ++i);
                case "--site" -> site = value(args, ++i);
                case "--aws" -> aws = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String normalised = Emails.normalise(email).orElseThrow(() -> new IllegalArgumentException("--email needs a valid address"));
        if (name == null || name.isBlank()) throw new IllegalArgumentException("--name is required");
        if (!site.startsWith("https://") && !site.startsWith("http://localhost")) throw new IllegalArgumentException("--site is the https:// address of the site");
        return new Options(normalised, name.strip(), site, aws);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException("missing value for " + args[i - 1]);
        return args[i];
    }
}
