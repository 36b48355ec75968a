package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;

/**
 * Something people can learn from: a course, workshop, drop-in hour, lecture or e-learning,
 * run by a library organisation or a partner, with its dated sessions.
 *
 * @param provider who gives it when that is not the library itself (a Taalhuis, a college, UWV)
 * @param source   where an imported offer came from; {@code null} for offers made by editors
 * @param languages the languages it is given in, as {@link Languages} codes; Dutch when none is given
 * @param period    for an offer without dates: the period it runs in, its days and times told by the
 *                  provider (a college's course as its OOAPI feed gives it); null otherwise
 */
public record Offer(
        String id,
        String organisationId,
        String title,
        String summary,
        String description,
        OfferKind kind,
        ProgrammeLine programmeLine,
        List<String> themes,
        List<String> targetGroups,
        DeliveryFormat format,
        Price price,
        String provider,
        String moreInfoUrl,
        EnrolmentScope enrolmentScope,
        Source source,
        Instant updatedAt,
        List<Session> sessions,
        OfferStatus status,
        EnrolmentPolicy enrolmentPolicy,
        List<String> languages,
        Period period) {

    public Offer {
        Ids.requireValid(id);
        Ids.requireValid(organisationId);
        Text.require(title, "title");
        themes = themes == null ? List.of() : List.copyOf(themes);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        if (price == null) price = Price.FREE;
        if (format == null) format = DeliveryFormat.IN_PERSON;
        if (enrolmentScope == null) enrolmentScope = EnrolmentScope.PER_SESSION;
        if (status == null) status = OfferStatus.PUBLISHED;
        if (enrolmentPolicy == null) enrolmentPolicy = EnrolmentPolicy.DEFAULT;
        languages = Languages.of(languages);
    }

    /** Without a period (every offer with dates, and e-learning). */
    public Offer(String id, String organisationId, String title, String summary, String description, OfferKind kind,
                 ProgrammeLine programmeLine, List<String> themes, List<String> targetGroups, DeliveryFormat format, Price price,
                 String provider, String moreInfoUrl, EnrolmentScope enrolmentScope, Source source, Instant updatedAt,
                 List<Session> sessions, OfferStatus status, EnrolmentPolicy enrolmentPolicy, List<String> languages) {
        this(id, organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, price, provider,
                moreInfoUrl, enrolmentScope, source, updatedAt, sessions, status, enrolmentPolicy, languages, null);
    }

    /** In Dutch. */
    public Offer(String id, String organisationId, String title, String summary, String description, OfferKind kind,
                 ProgrammeLine programmeLine, List<String> themes, List<String> targetGroups, DeliveryFormat format, Price price,
                 String provider, String moreInfoUrl, EnrolmentScope enrolmentScope, Source source, Instant updatedAt,
                 List<Session> sessions, OfferStatus status, EnrolmentPolicy enrolmentPolicy) {
        this(id, organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, price, provider,
                moreInfoUrl, enrolmentScope, source, updatedAt, sessions, status, enrolmentPolicy, Languages.DEFAULT);
    }

    /** With the default enrolment policy (a waitlist without a maximum). */
    public Offer(String id, String organisationId, String title, String summary, String description, OfferKind kind,
                 ProgrammeLine programmeLine, List<String> themes, List<String> targetGroups, DeliveryFormat format, Price price,
                 String provider, String moreInfoUrl, EnrolmentScope enrolmentScope, Source source, Instant updatedAt,
                 List<Session> sessions, OfferStatus status) {
        this(id, organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, price, provider,
                moreInfoUrl, enrolmentScope, source, updatedAt, sessions, status, EnrolmentPolicy.DEFAULT);
    }

    /** A published offer (offers made before drafts existed, imports, most tests). */
    public Offer(String id, String organisationId, String title, String summary, String description, OfferKind kind,
                 ProgrammeLine programmeLine, List<String> themes, List<String> targetGroups, DeliveryFormat format, Price price,
                 String provider, String moreInfoUrl, EnrolmentScope enrolmentScope, Source source, Instant updatedAt,
                 List<Session> sessions) {
        this(id, organisationId, title, summary, description, kind, programmeLine, themes, targetGroups, format, price, provider,
                moreInfoUrl, enrolmentScope, source, updatedAt, sessions, OfferStatus.PUBLISHED);
    }

    public boolean isCourse() { return enrolmentScope == EnrolmentScope.WHOLE_COURSE; }

    /** The lessons a course enrolment takes a seat in: every session that is not cancelled. */
    public List<Session> courseSessions() {
        return sessions.stream().filter(s -> !s.isCancelled()).toList();
    }

    /**
     * The sessions an enrolment holds a seat in: the date, or every lesson of a course that is not
     * called off.
     */
    public List<String> seatSessionIds(String sessionId) {
        return isCourse() ? courseSessions().stream().map(Session::id).toList() : List.of(sessionId);
    }

    /** Seats left in a course: the fewest left in any of its lessons. */
    public int courseSeatsLeft() {
        return courseSessions().stream().mapToInt(Session::seatsLeft).min().orElse(0);
    }

    /**
     * Origin of an imported offer: the feed and the partner's own id for it.
     *
     * @param takenOver staff took the offer over from the feed: the import leaves it alone (it still
     *                  knows it by the partner's id, so it never imports it a second time)
     */
    public record Source(String sourceId, String externalId, String contentHash, boolean takenOver) {
        /** With the feed: the import keeps it as the feed says. */
        public Source(String sourceId, String externalId, String contentHash) { this(sourceId, externalId, contentHash, false); }

        public Source takenOver(boolean taken) { return new Source(sourceId, externalId, contentHash, taken); }
    }

    /**
     * When an offer without dates runs: from {@code start} to {@code end}, both days included, at a
     * place of ours or the partner's ({@code locationId}; null when the feed names none or online).
     */
    public record Period(java.time.LocalDate start, java.time.LocalDate end, String locationId) {
        public Period {
            java.util.Objects.requireNonNull(start, "start");
            java.util.Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) throw new IllegalArgumentException("a period ends on or after its start");
        }

        /** Not over yet on this day (the last day counts). */
        public boolean runsOnOrAfter(java.time.LocalDate day) { return !end.isBefore(day); }
    }

    public Offer withSource(Source newSource, Instant at) {
        return new Offer(id, organisationId, title, summary, description, kind, programmeLine, themes,
                targetGroups, format, price, provider, moreInfoUrl, enrolmentScope, newSource, at, sessions, status, enrolmentPolicy, languages, period);
    }

    public Offer withSessions(List<Session> newSessions) {
        return new Offer(id, organisationId, title, summary, description, kind, programmeLine, themes,
                targetGroups, format, price, provider, moreInfoUrl, enrolmentScope, source, updatedAt, newSessions, status, enrolmentPolicy, languages, period);
    }

    public Offer withPrice(Price newPrice) {
        return new Offer(id, organisationId, title, summary, description, kind, programmeLine, themes,
                targetGroups, format, newPrice, provider, moreInfoUrl, enrolmentScope, source, updatedAt, sessions, status, enrolmentPolicy, languages, period);
    }

    public Offer withStatus(OfferStatus newStatus) {
        return new Offer(id, organisationId, title, summary, description, kind, programmeLine, themes,
                targetGroups, format, price, provider, moreInfoUrl, enrolmentScope, source, updatedAt, sessions, newStatus, enrolmentPolicy, languages, period);
    }

    public Offer withEnrolmentPolicy(EnrolmentPolicy policy) {
        return new Offer(id, organisationId, title, summary, description, kind, programmeLine, themes,
                targetGroups, format, price, provider, moreInfoUrl, enrolmentScope, source, updatedAt, sessions, status, policy, languages, period);
    }

    /** Every place it is at, each once: its sessions' and its period's. */
    public List<String> locationIds() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Session s : sessions) if (s.locationId() != null) out.add(s.locationId());
        if (period != null && period.locationId() != null) out.add(period.locationId());
        return List.copyOf(out);
    }

    public java.util.Optional<Session> session(String sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }
}
