package nl.ontwikkelplein.domain;

/** A problem with one input field, with a message in plain Dutch that says what to do. */
public record FieldError(String field, String message) {}
