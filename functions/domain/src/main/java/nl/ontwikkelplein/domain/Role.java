package nl.ontwikkelplein.domain;

/** What a person or token may do; {@link Permissions} says what each role allows. */
public enum Role {
    /** The regional coordinator: everything, in every organisation. */
    ADMIN,
    /** Library staff: the offer and participants of their own organisations. */
    EDITOR
}
