package nl.ontwikkelplein.web.model;

import java.util.List;

/** Links under one heading ("Per bibliotheek"), each with an optional count. */
public record LinkGroup(String heading, String id, List<CountedLink> links) {}
