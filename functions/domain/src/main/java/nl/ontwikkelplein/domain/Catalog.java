package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where organisations, locations, offers and sessions are kept. */
public interface Catalog {
    void saveOrganisation(Organisation organisation);

    void saveLocation(Location location);

    List<Organisation> organisations();

    List<Location> locations();

    Optional<Location> location(String locationId);

    /** The offer with all its sessions, read consistently. */
    Optional<Offer> offer(String offerId);

    /**
     * @throws ConflictException OFFER_EXISTS when an offer with this id exists; TOO_MANY_CHANGES
     *                           for more sessions than one atomic write takes (99)
     */
    void createOffer(Offer offer);

    /**
     * Replaces the offer's fields and its set of sessions, keeping seat counters.
     *
     * @throws NotFoundException when the offer does not exist
     * @throws ConflictException when a session that people enrolled in would be removed, or its
     *                           seats would drop below the seats taken; or when the offer
     *                           changed meanwhile (CHANGED_MEANWHILE: read it again)
     */
    void updateOffer(Offer offer);

    /**
     * Deletes the offer and its sessions, unless someone holds a seat in one of them (checked in
     * the same transaction, so a concurrent enrolment is never lost).
     *
     * @return false when the offer was kept because of enrolments
     */
    boolean removeOfferWithoutEnrolments(Offer offer);

    /** Sessions starting at or after {@code from}, earliest first, at most {@code limit}. */
    List<AgendaEntry> upcoming(Instant from, int limit);

    /**
     * Every offer the public may see (published or called off; no drafts), each with all its
     * sessions, in one bulk read: what the site builder renders the whole site from.
     */
    List<Offer> publicOffers();

    /** Offers of one organisation, without their sessions. */
    List<Offer> offersOf(String organisationId);

    /** Offers of one organisation with the locations of their sessions, in one read: the staff list at 1,000+ offers. */
    List<OfferSummary> offerSummaries(String organisationId);

    /**
     * Writes an imported offer only when its content differs from what is stored.
     *
     * @return true when something was written
     */
    boolean upsertImported(Offer offer);
}
