package nl.ontwikkelplein.api;

import java.util.List;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;

/** The JSON shape of an offer in API responses: the same field names as {@code OfferInput}. */
record OfferJson(
        String id,
        String organisationId,
        String title,
        String summary,
        String description,
        String kind,
        String programmeLine,
        List<String> themes,
        List<String> targetGroups,
        String format,
        List<String> languages,
        /** null when the partner's feed does not say */
        Long priceCents,
        String provider,
        String moreInfoUrl,
        String enrolmentScope,
        Integer waitlistLimit,
        String intake,
        String updatedAt,
        String status,
        String page,
        List<SessionJson> sessions,
        /** an offer without dates: the days it runs (from its feed); null otherwise */
        nl.ontwikkelplein.domain.OfferInput.PeriodInput period) {

    record SessionJson(String id, String start, String end, String locationId, Integer seats, int taken, String status, String note) {}

    static OfferJson from(Offer o) {
        return new OfferJson(o.id(), o.organisationId(), o.title(), o.summary(), o.description(), name(o.kind()),
                name(o.programmeLine()), o.themes(), o.targetGroups(), name(o.format()), o.languages(), o.price().isKnown() ? o.price().cents() : null, o.provider(),
                o.moreInfoUrl(), o.enrolmentScope().name(), o.enrolmentPolicy().waitlistLimit(),
                nl.ontwikkelplein.domain.OfferInputs.intake(o.enrolmentPolicy()), o.updatedAt() == null ? null : o.updatedAt().toString(), o.status().name(), "/aanbod/" + o.id() + "/",
                o.sessions().stream().map(OfferJson::session).toList(), nl.ontwikkelplein.domain.OfferInputs.period(o.period()));
    }

    private static SessionJson session(Session s) {
        return new SessionJson(s.id(), s.start().toString(), s.end().toString(), s.locationId(), s.seats(), s.taken(), s.status().name(), s.note());
    }

    private static String name(Enum<?> e) { return e == null ? null : e.name(); }
}
