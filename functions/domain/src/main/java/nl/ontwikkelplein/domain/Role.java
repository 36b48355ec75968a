package nl.ontwikkelplein.domain;

/** What a person or token may do; {@link Permissions} says what each role allows. */
public enum Role {
    /** The regional coordinator: everything, in every organisation. */
    ADMIN,
    /** Library staff: the offer and participants of their own organisations. */
    EDITOR,
    /**
     * A professional of a partner (Taalhuis, social team, UWV): enrols clients in the offers of
     * the organisations they work with, and sees their own referrals, nothing else.
     */
    REFERRER
}
