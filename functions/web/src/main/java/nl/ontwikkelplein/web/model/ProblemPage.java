package nl.ontwikkelplein.web.model;

/** A request the API could not handle, explained in plain Dutch with a way on. */
public record ProblemPage(PageMeta meta, String message) {}
