package nl.ontwikkelplein.web.model;

import java.util.List;

/**
 * What a visitor typed and what was wrong with it.
 *
 * @param errors in the order of the fields on the form; empty for a fresh form
 */
public record FormState(String name, String phone, String email, boolean texts, List<FieldMessage> errors) {
    public static final FormState EMPTY = new FormState(null, null, null, false, List.of());

    public FormState {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The message for one field, or null. */
    public String errorFor(String field) {
        for (FieldMessage e : errors) if (e.field().equals(field)) return e.message();
        return null;
    }

    public boolean hasErrors() { return !errors.isEmpty(); }

    /** An error message tied to a field; {@code href} points at the field (or the form). */
    public record FieldMessage(String field, String message, String href) {}
}
