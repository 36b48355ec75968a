package nl.ontwikkelplein.domain;

/** The library's programme lines for lifelong learning, with the Dutch label shown to visitors. */
public enum ProgrammeLine {
    BASIC_SKILLS("Basisvaardigheden"),
    WORK("Werk en inzetbaarheid"),
    PERSONAL_DEVELOPMENT("Persoonlijke ontwikkeling"),
    YOUTH("Jeugd en onderwijs"),
    ARTS_CULTURE("Kunst en cultuur");

    private final String label;

    ProgrammeLine(String label) { this.label = label; }

    public String label() { return label; }
}
