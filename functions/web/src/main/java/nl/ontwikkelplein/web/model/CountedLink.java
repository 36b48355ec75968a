package nl.ontwikkelplein.web.model;

/** @param count how many there are behind the link; null when not shown */
public record CountedLink(String href, String text, Integer count) {}
