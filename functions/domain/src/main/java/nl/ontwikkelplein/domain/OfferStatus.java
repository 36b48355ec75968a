package nl.ontwikkelplein.domain;

/** Where an offer is in its life: only published (and called-off) offers are on the public site. */
public enum OfferStatus {
    /** Being prepared: no public page, not in the agenda, no enrolment. */
    DRAFT,
    /** On the public site, open for enrolment where it has seats. */
    PUBLISHED,
    /** Called off as a whole: its page stays and says so, nobody can enrol. */
    CANCELLED;

    public boolean isPublic() { return this != DRAFT; }
}
