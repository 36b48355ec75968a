package nl.ontwikkelplein.store.dynamodb;

import java.util.Map;

/** Table names, from the function's environment as template.yaml sets it. */
public record TableNames(String catalog, String enrolments, String editors, String audit) {
    public static TableNames from(Map<String, String> env) {
        return new TableNames(require(env, "CATALOG_TABLE"), require(env, "ENROLMENTS_TABLE"), require(env, "EDITORS_TABLE"),
                require(env, "AUDIT_TABLE"));
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) throw new IllegalStateException("Environment variable " + name + " is not set");
        return value;
    }
}
