package nl.ontwikkelplein.web.model;

import java.util.List;

/** "Are you sure?" before a change that cannot be undone: a plain form with one button, and a way back. */
public record ConfirmPage(PageMeta meta, String heading, List<String> messages, String action, String button, Link back) {}
