package nl.ontwikkelplein.web.model;

import java.util.List;

/** The home page: upcoming sessions grouped by day. */
public record HomePage(PageMeta meta, List<AgendaDay> days) {}
