package nl.ontwikkelplein.web.workspace;

import java.util.List;
import java.util.Map;

/**
 * A form as typed (shown again after an error, GOV.UK-style) and what was wrong with it.
 *
 * @param values the typed values by field name
 * @param errors in the order of the fields; each links to its field ({@code #field-name})
 */
public record Form(Map<String, String> values, List<Error> errors) {
    public static final Form EMPTY = new Form(Map.of(), List.of());

    public Form {
        values = values == null ? Map.of() : Map.copyOf(values);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String value(String field) { return values.getOrDefault(field, ""); }

    public String errorFor(String field) {
        for (Error e : errors) if (e.field().equals(field)) return e.message();
        return null;
    }

    public boolean hasErrors() { return !errors.isEmpty(); }

    public record Error(String field, String message) {
        public String href() { return "#veld-" + field; }
    }
}
