package nl.ontwikkelplein.web.model;

/** A large tile: a pictogram (inline SVG written by us, never from input) and a short label. */
public record TileLink(String href, String label, String svg) {}
