package nl.ontwikkelplein.web.model;

/** A link: where to and the words on it. */
public record Link(String href, String text) {}
