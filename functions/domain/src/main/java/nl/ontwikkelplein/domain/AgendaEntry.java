package nl.ontwikkelplein.domain;

/**
 * One upcoming session with enough of its offer to list it in the agenda. Drafts are never in
 * the agenda; {@code offerStatus} tells a called-off offer from a published one.
 */
public record AgendaEntry(
        String offerId,
        String offerTitle,
        OfferKind kind,
        ProgrammeLine programmeLine,
        DeliveryFormat format,
        Price price,
        String organisationId,
        Session session,
        OfferStatus offerStatus) {
    public AgendaEntry {
        if (offerStatus == null) offerStatus = OfferStatus.PUBLISHED;
    }

    public AgendaEntry(String offerId, String offerTitle, OfferKind kind, ProgrammeLine programmeLine, DeliveryFormat format,
                       Price price, String organisationId, Session session) {
        this(offerId, offerTitle, kind, programmeLine, format, price, organisationId, session, OfferStatus.PUBLISHED);
    }

    /** Called off: the session itself, or the whole offer. */
    public boolean isCancelled() {
        return offerStatus == OfferStatus.CANCELLED || session.isCancelled();
    }
}
