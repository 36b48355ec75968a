package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * One form field as the field partial renders it (GOV.UK pattern: label, hint, error, input).
 *
 * @param type    text, textarea, date, time, number, url, radios, checkboxes or select
 * @param choices for radios, checkboxes and select
 */
public record Field(String name, String label, String hint, String type, String value, String error, List<Choice> choices,
                    int maxLength, boolean required) {
    public String id() { return "veld-" + name; }

    public String hintId() { return hint == null ? null : id() + "-uitleg"; }

    public String errorId() { return error == null ? null : id() + "-fout"; }

    /** aria-describedby: the hint, then the error. */
    public String describedBy() {
        String s = (hint == null ? "" : hintId()) + (error == null ? "" : (hint == null ? "" : " ") + errorId());
        return s.isEmpty() ? null : s;
    }

    public boolean isChoice() { return type.equals("radios") || type.equals("checkboxes"); }

    /** Choice inputs get ids of their own; the first takes the field's id, so the error summary's link lands on it. */
    public String choiceId(int index) { return index == 0 ? id() : id() + "-" + index; }

    public static Field text(String name, String label, String hint, Form form, int maxLength, boolean required) {
        return new Field(name, label, hint, "text", form.value(name), form.errorFor(name), List.of(), maxLength, required);
    }

    public static Field of(String type, String name, String label, String hint, Form form, int maxLength) {
        return new Field(name, label, hint, type, form.value(name), form.errorFor(name), List.of(), maxLength, false);
    }

    public static Field choices(String type, String name, String label, String hint, Form form, List<Choice> choices) {
        return new Field(name, label, hint, type, form.value(name), form.errorFor(name), choices, 0, false);
    }
}
