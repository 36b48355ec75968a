package nl.ontwikkelplein.web.workspace;

/** One option of a radio group, select or checkbox list. */
public record Choice(String value, String label, boolean selected) {}
