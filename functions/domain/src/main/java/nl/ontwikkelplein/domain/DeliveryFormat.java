package nl.ontwikkelplein.domain;

/** Where learning happens: at a location, online, or both. */
public enum DeliveryFormat {
    IN_PERSON("Op locatie"),
    ONLINE("Online"),
    BLENDED("Op locatie en online");

    private final String label;

    DeliveryFormat(String label) { this.label = label; }

    public String label() { return label; }
}
