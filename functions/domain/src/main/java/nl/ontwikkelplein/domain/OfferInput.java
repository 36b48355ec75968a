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
        List<SessionInput> sessions,
        String status,
        Integer waitlistLimit,
        String intake,
        List<String> languages,
        PeriodInput period) {

    /** Without a period: an offer with dates (or none). */
    public OfferInput(String organisationId, String title, String summary, String description, String kind, String programmeLine,
                      List<String> themes, List<String> targetGroups, String format, Long priceCents, String provider,
                      String moreInfoUrl, String enrolmentScope, List<SessionInput> sessions, String status, Integer waitlistLimit,
                      String intake, List<String> languages) {
        this(organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, priceCents, provider,
                moreInfoUrl, enrolmentScope, sessions, status, waitlistLimit, intake, languages, null);
    }

    /** Without languages: in Dutch. */
    public OfferInput(String organisationId, String title, String summary, String description, String kind, String programmeLine,
                      List<String> themes, List<String> targetGroups, String format, Long priceCents, String provider,
                      String moreInfoUrl, String enrolmentScope, List<SessionInput> sessions, String status, Integer waitlistLimit,
                      String intake) {
        this(organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, priceCents, provider,
                moreInfoUrl, enrolmentScope, sessions, status, waitlistLimit, intake, null);
    }

    /** Without an intake. */
    public OfferInput(String organisationId, String title, String summary, String description, String kind, String programmeLine,
                      List<String> themes, List<String> targetGroups, String format, Long priceCents, String provider,
                      String moreInfoUrl, String enrolmentScope, List<SessionInput> sessions, String status, Integer waitlistLimit) {
        this(organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, priceCents, provider,
                moreInfoUrl, enrolmentScope, sessions, status, waitlistLimit, null);
    }

    /** Without a waitlist limit: a waitlist without a maximum. */
    public OfferInput(String organisationId, String title, String summary, String description, String kind, String programmeLine,
                      List<String> themes, List<String> targetGroups, String format, Long priceCents, String provider,
                      String moreInfoUrl, String enrolmentScope, List<SessionInput> sessions, String status) {
        this(organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, priceCents, provider,
                moreInfoUrl, enrolmentScope, sessions, status, null);
    }

    /** Without a status: a new offer is published at once (as the API always did), a changed one keeps its status. */
    public OfferInput(String organisationId, String title, String summary, String description, String kind, String programmeLine,
                      List<String> themes, List<String> targetGroups, String format, Long priceCents, String provider,
                      String moreInfoUrl, String enrolmentScope, List<SessionInput> sessions) {
        this(organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, priceCents, provider,
                moreInfoUrl, enrolmentScope, sessions, null, null);
    }

    public OfferInput withOrganisation(String id) {
        return new OfferInput(id, title, summary, description, kind, programmeLine, themes, targetGroups, format,
                priceCents, provider, moreInfoUrl, enrolmentScope, sessions, status, waitlistLimit, intake, languages, period);
    }

    /** For an offer without dates: the days it runs from and to (ISO dates, both included) and where. */
    public record PeriodInput(String start, String end, String locationId) {}

    /**
     * @param id   absent for a new session; present to keep an existing one (and its enrolments)
     * @param note a short public reason when the session is called off or changed
     */
    public record SessionInput(String id, String start, String end, String locationId, Integer seats, String status, String note) {
        public SessionInput(String id, String start, String end, String locationId, Integer seats, String status) {
            this(id, start, end, locationId, seats, status, null);
        }
    }
}
