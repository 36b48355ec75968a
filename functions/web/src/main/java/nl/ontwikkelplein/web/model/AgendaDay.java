package nl.ontwikkelplein.web.model;

import java.util.List;

/** The sessions of one day, under a heading such as "Dinsdag 1 december 2026". */
public record AgendaDay(String heading, String isoDate, List<AgendaItem> items) {}
