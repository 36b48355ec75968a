package nl.ontwikkelplein.domain;

/** What kind of activity an offer is. */
public enum OfferKind {
    COURSE("Cursus"),
    WORKSHOP("Workshop"),
    DROP_IN("Inloopuur"),
    LECTURE("Lezing"),
    MEETUP("Bijeenkomst"),
    E_LEARNING("E-learning");

    private final String label;

    OfferKind(String label) { this.label = label; }

    public String label() { return label; }
}
