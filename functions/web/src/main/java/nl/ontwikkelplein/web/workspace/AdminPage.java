package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * The regional admin's pages (organisations, locations, staff, API tokens, a person's changes) share
 * one shape: a table of what exists, with an action per row, and a form to add or change one.
 *
 * @param secret shown once, right after it was made (a new API token); null otherwise
 * @param table  null for a page with only a form
 * @param form   null for a page with only a table
 * @param more   tables under the first one, each with its own caption (a feed's runs, then what the last one quarantined)
 */
public record AdminPage(StaffPage page, String heading, List<String> intro, String notice, String secret, List<RowAction> actions,
                        Table table, FormBlock form, String back, List<Table> more) {
    public AdminPage(StaffPage page, String heading, List<String> intro, String notice, String secret, List<RowAction> actions,
                     Table table, FormBlock form, String back) {
        this(page, heading, intro, notice, secret, actions, table, form, back, List.of());
    }

    public record Table(String caption, List<String> headers, List<Row> rows, String empty) {}

    public record Row(List<Cell> cells, List<RowAction> actions) {}

    /** @param href null for plain text */
    public record Cell(String text, String href) {
        public static Cell text(String text) { return new Cell(text, null); }
    }

    /** A button that POSTs one hidden value (revoke this token, this person). */
    public record RowAction(String label, String action) {}

    public record FormBlock(String heading, String action, Form form, List<Field> fields, String submit) {}
}
