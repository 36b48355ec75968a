package nl.ontwikkelplein.domain;

/** One upcoming session with enough of its offer to list it in the agenda. */
public record AgendaEntry(
        String offerId,
        String offerTitle,
        OfferKind kind,
        ProgrammeLine programmeLine,
        DeliveryFormat format,
        Price price,
        String organisationId,
        Session session) {}
