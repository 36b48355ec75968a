package nl.ontwikkelplein.domain;

/** Things staff and tokens do. Which role may do which, and where, is decided in {@link Permissions}. */
public enum Permission {
    /** See an organisation's offers, drafts included. */
    VIEW_OFFERS(true),
    /** Create, change, copy, publish and call off an organisation's offers and their dates. */
    EDIT_OFFERS(true),
    /** See who enrolled (names, phone numbers), mark attendance, export. */
    VIEW_PARTICIPANTS(true),
    /** Enrol someone who phoned or walked in, remove a participant. */
    MANAGE_PARTICIPANTS(true),
    /** Add and change branches and partner places. */
    MANAGE_LOCATIONS(false),
    /** Add and rename library organisations. */
    MANAGE_ORGANISATIONS(false),
    /** Invite staff, change their role, revoke their access. */
    MANAGE_STAFF(false),
    /** Create, list and revoke API tokens. */
    MANAGE_TOKENS(false),
    /** Add and change partner feeds (their URL may hold a partner's key); an organisation's editors read its feeds' reports with VIEW_OFFERS. */
    MANAGE_FEEDS(false),
    /** Read the audit trail. */
    VIEW_AUDIT(false),
    /** Enrol a client in an organisation's offers, with their consent, and follow one's own referrals. */
    REFER(false, true);

    /** True when an editor has this permission within their own organisations. */
    final boolean forEditors;
    /** True when a referrer has this permission for the organisations they work with. */
    final boolean forReferrers;

    Permission(boolean forEditors) {
        this(forEditors, false);
    }

    Permission(boolean forEditors, boolean forReferrers) {
        this.forEditors = forEditors;
        this.forReferrers = forReferrers;
    }
}
