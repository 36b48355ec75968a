package nl.ontwikkelplein.domain;

import java.util.List;

/**
 * An offer as an editor sends it: plain values, not yet checked. {@link OfferService} turns it
 * into an {@link Offer} or says precisely what is wrong.
 */
public record OfferInput(
        String organisationId,
        String title,
        String summary,
        String description,
        String kind,
        String programmeLine,
        List<String> themes,
        List<String> targetGroups,
        String format,
        Long priceCents,
        String provider,
        String moreInfoUrl,
        String enrolmentScope,
        List<SessionInput> sessions) {

    public OfferInput withOrganisation(String id) {
        return new OfferInput(id, title, summary, description, kind, programmeLine, themes, targetGroups, format,
                priceCents, provider, moreInfoUrl, enrolmentScope, sessions);
    }

    /** @param id absent for a new session; present to keep an existing one (and its enrolments) */
    public record SessionInput(String id, String start, String end, String locationId, Integer seats, String status) {}
}
