package nl.ontwikkelplein.web.model;

/** Page for addresses that lead nowhere. */
public record NotFoundPage(PageMeta meta) {}
