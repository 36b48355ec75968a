package nl.ontwikkelplein.domain;

import java.util.ArrayList;
import java.util.List;

/** An offer turned back into input, to change part of it and save the whole (as the API does). */
public final class OfferInputs {
    private OfferInputs() {}

    public static OfferInput from(Offer o) {
        return new OfferInput(o.organisationId(), o.title(), o.summary(), o.description(), name(o.kind()), name(o.programmeLine()),
                o.themes(), o.targetGroups(), o.format().name(), o.price().isKnown() ? o.price().cents() : null, o.provider(), o.moreInfoUrl(),
                o.enrolmentScope().name(), sessions(o.sessions()), o.status().name(), o.enrolmentPolicy().waitlistLimit(), intake(o.enrolmentPolicy()), o.languages(),
                period(o.period()));
    }

    public static List<OfferInput.SessionInput> sessions(List<Session> sessions) {
        List<OfferInput.SessionInput> out = new ArrayList<>();
        for (Session s : sessions)
            out.add(new OfferInput.SessionInput(s.id(), s.start().toString(), s.end().toString(), s.locationId(), s.seats(), s.status().name(), s.note()));
        return out;
    }

    /** The same input with other sessions. */
    public static OfferInput withSessions(OfferInput in, List<OfferInput.SessionInput> sessions) {
        return new OfferInput(in.organisationId(), in.title(), in.summary(), in.description(), in.kind(), in.programmeLine(), in.themes(),
                in.targetGroups(), in.format(), in.priceCents(), in.provider(), in.moreInfoUrl(), in.enrolmentScope(), sessions, in.status(), in.waitlistLimit(), in.intake(), in.languages(), in.period());
    }

    public static OfferInput withPeriod(OfferInput in, OfferInput.PeriodInput period) {
        return new OfferInput(in.organisationId(), in.title(), in.summary(), in.description(), in.kind(), in.programmeLine(), in.themes(),
                in.targetGroups(), in.format(), in.priceCents(), in.provider(), in.moreInfoUrl(), in.enrolmentScope(), in.sessions(), in.status(),
                in.waitlistLimit(), in.intake(), in.languages(), period);
    }

    public static OfferInput withStatus(OfferInput in, OfferStatus status) {
        return new OfferInput(in.organisationId(), in.title(), in.summary(), in.description(), in.kind(), in.programmeLine(), in.themes(),
                in.targetGroups(), in.format(), in.priceCents(), in.provider(), in.moreInfoUrl(), in.enrolmentScope(), in.sessions(), status.name(), in.waitlistLimit(), in.intake(), in.languages(), in.period());
    }

    public static OfferInput.PeriodInput period(Offer.Period p) {
        return p == null ? null : new OfferInput.PeriodInput(p.start().toString(), p.end().toString(), p.locationId());
    }

    /** NONE, WITH_SEAT or WITHOUT_SEAT, as OfferInput.intake names them. */
    public static String intake(EnrolmentPolicy p) {
        return !p.intake() ? "NONE" : p.requestHoldsSeat() ? "WITH_SEAT" : "WITHOUT_SEAT";
    }

    private static String name(Enum<?> e) { return e == null ? null : e.name(); }
}
