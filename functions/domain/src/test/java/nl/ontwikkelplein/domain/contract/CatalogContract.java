package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.BASE;
import static nl.ontwikkelplein.domain.contract.ContractData.enrolment;
import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static nl.ontwikkelplein.domain.contract.ContractData.location;
import static nl.ontwikkelplein.domain.contract.ContractData.offer;
import static nl.ontwikkelplein.domain.contract.ContractData.organisation;
import static nl.ontwikkelplein.domain.contract.ContractData.session;
import static nl.ontwikkelplein.domain.contract.ContractData.storedOffer;
import static nl.ontwikkelplein.domain.contract.ContractData.weekly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.ConflictException.Reason;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Session;
import org.junit.jupiter.api.Test;

/** What every {@link Catalog} adapter promises. */
public abstract class CatalogContract extends StoreContract {

    private Catalog catalog() {
        return stores.catalog();
    }

    @Test
    void organisationsAreKeptReplacedAndListedByName() {
        Organisation b = new Organisation(id("org"), "Bibliotheek " + id("b"), null);
        Organisation a = new Organisation(id("org"), "Bibliotheek " + id("a"), "https://a.example");
        catalog().saveOrganisation(b);
        catalog().saveOrganisation(a);
        Organisation renamed = new Organisation(b.id(), b.name() + " Noord", "https://b.example");
        catalog().saveOrganisation(renamed);

        List<Organisation> ours = catalog().organisations().stream().filter(o -> o.id().equals(a.id()) || o.id().equals(b.id())).toList();
        assertEquals(2, ours.size(), "both listed, the renamed one once");
        assertTrue(ours.contains(a));
        assertTrue(ours.contains(renamed));
        List<String> names = catalog().organisations().stream().map(Organisation::name).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "by name");
    }

    @Test
    void locationsRoundTripWithEveryField() {
        Organisation o = organisation(stores);
        Location full = location(stores, o.id());
        Location bare = new Location(id("loc"), o.id(), "Online", Location.LocationKind.ONLINE, new Location.Address(null, null, null), null, null);
        catalog().saveLocation(bare);

        assertEquals(full, catalog().location(full.id()).orElseThrow());
        assertEquals(bare, catalog().location(bare.id()).orElseThrow());
        assertTrue(catalog().location(id("nowhere")).isEmpty());
        assertTrue(catalog().locations().containsAll(List.of(full, bare)));

        Location moved = new Location(full.id(), o.id(), "Vestiging Centrum", Location.LocationKind.BRANCH,
                new Location.Address("Markt 2", "7772 AB", "Hardenberg"), 52.6, 6.7,
                List.of(Location.Accessibility.QUIET_ROOM, Location.Accessibility.STEP_FREE));
        catalog().saveLocation(moved);
        assertEquals(moved, catalog().location(full.id()).orElseThrow());
    }

    @Test
    void anOfferRoundTripsWithItsSessionsInStartOrder() {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Session later = session(l.id(), BASE.plusDays(7), 12);
        Session walkIn = session(l.id(), BASE, null);
        Session cancelled = new Session(id("s"), BASE.plusDays(3), BASE.plusDays(3).plusHours(1), l.id(), 5, 0, Session.SessionStatus.CANCELLED);
        Offer offer = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(later, walkIn, cancelled));
        catalog().createOffer(offer);

        Offer read = catalog().offer(offer.id()).orElseThrow();
        assertEquals(offer.withSessions(List.of(walkIn, cancelled, later)), read);
        assertTrue(catalog().offer(id("missing")).isEmpty());
    }

    @Test
    void anOfferWithAPeriodInsteadOfDatesKeepsItsPeriodAndPlace() {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Offer template = offer(o.id(), EnrolmentScope.PER_SESSION, List.of());
        Offer withPeriod = new Offer(template.id(), o.id(), "Nederlands B1 bij het ROC", null, null, OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS,
                List.of(), List.of(), null, Price.UNKNOWN, "ROC", "https://roc.example/b1", null, new Offer.Source("roc", "B1-2026", "hash"),
                template.updatedAt(), List.of(), null, null, List.of("nl"),
                new Offer.Period(java.time.LocalDate.of(2027, 9, 6), java.time.LocalDate.of(2028, 1, 28), l.id()));
        catalog().createOffer(withPeriod);
        assertEquals(withPeriod, catalog().offer(withPeriod.id()).orElseThrow());
        assertEquals(withPeriod.period(), catalog().offersOf(o.id()).stream().filter(x -> x.id().equals(withPeriod.id())).findFirst().orElseThrow().period());
        assertEquals(withPeriod.period(), catalog().publicOffers().stream().filter(x -> x.id().equals(withPeriod.id())).findFirst().orElseThrow().period());
        assertEquals(java.util.Set.of(l.id()), catalog().offerSummaries(o.id()).stream().filter(s -> s.offer().id().equals(withPeriod.id())).findFirst()
                .orElseThrow().locationIds(), "the staff list finds it by the place of its period");

        Offer online = new Offer(withPeriod.id(), o.id(), withPeriod.title(), null, null, OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS, List.of(), List.of(),
                null, Price.UNKNOWN, "ROC", null, null, withPeriod.source(), java.time.Instant.now(), List.of(), null, null, List.of("nl"),
                new Offer.Period(java.time.LocalDate.of(2027, 9, 6), java.time.LocalDate.of(2027, 9, 6), null));
        catalog().updateOffer(online);
        assertEquals(online.period(), catalog().offer(withPeriod.id()).orElseThrow().period(), "one day, no place");
    }

    @Test
    void publicOffersAreEveryOfferButDraftsWithAllTheirSessions() {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Session later = session(l.id(), BASE.plusDays(7), 12);
        Session first = session(l.id(), BASE, null);
        Offer published = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(later, first));
        Offer draft = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(session(l.id(), BASE, 5))).withStatus(nl.ontwikkelplein.domain.OfferStatus.DRAFT);
        Offer calledOff = offer(o.id(), EnrolmentScope.PER_SESSION, List.of()).withStatus(nl.ontwikkelplein.domain.OfferStatus.CANCELLED);
        catalog().createOffer(published);
        catalog().createOffer(draft);
        catalog().createOffer(calledOff);

        java.util.Map<String, Offer> read = new java.util.HashMap<>();
        for (Offer x : catalog().publicOffers()) read.put(x.id(), x);
        assertEquals(published.withSessions(List.of(first, later)), read.get(published.id()), "with its sessions in start order");
        assertEquals(calledOff, read.get(calledOff.id()), "a called-off offer is still shown (as called off)");
        assertFalse(read.containsKey(draft.id()), "drafts are not public");
    }

    @Test
    void anImportedOfferKeepsItsSourceAndAnOfferWithoutOptionalFieldsStaysSo() {
        Organisation o = organisation(stores);
        Offer minimal = new Offer(id("offer"), o.id(), "Lezing", null, null, null, null, List.of(), List.of(), null, null,
                null, null, null, new Offer.Source("feed-1", "ext-9", "hash-1"), null, List.of());
        catalog().createOffer(minimal);
        Offer read = catalog().offer(minimal.id()).orElseThrow();
        assertEquals(minimal, read);
        assertEquals(List.of("nl"), read.languages(), "an offer that names no language is in Dutch");
        assertEquals(DeliveryFormat.IN_PERSON, read.format());
        assertEquals(Price.FREE, read.price());
        assertNull(read.updatedAt());
    }

    @Test
    void aPriceTheFeedDidNotGiveStaysUnknownInTheOfferAndInTheAgenda() {
        Organisation o = organisation(stores);
        Location l = new Location(id("loc"), o.id(), "Taalhuis", Location.LocationKind.PARTNER, null, null, null);
        catalog().saveLocation(l);
        LocalDateTime start = LocalDateTime.now().plusDays(3).withNano(0);
        Offer imported = new Offer(id("offer"), o.id(), "Cursus van het ROC", null, null, OfferKind.COURSE, null, List.of(), List.of(), null,
                Price.UNKNOWN, "ROC", null, null, new Offer.Source("roc", "C-1", "hash-1"), null, List.of(session(l.id(), start, 12)));
        catalog().createOffer(imported);
        assertEquals(Price.UNKNOWN, catalog().offer(imported.id()).orElseThrow().price());
        AgendaEntry entry = catalog().upcoming(start.minusMinutes(1).atZone(Session.ZONE).toInstant(), 1000).stream()
                .filter(a -> a.offerId().equals(imported.id())).findFirst().orElseThrow();
        assertEquals(Price.UNKNOWN, entry.price());
        assertFalse(entry.price().isFree());
    }

    @Test
    void anOfferIdIsTakenOnce() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10);
        ConflictException e = assertThrows(ConflictException.class, () -> catalog().createOffer(offer));
        assertEquals(Reason.OFFER_EXISTS, e.reason());
    }

    @Test
    void updatingReplacesFieldsAndSessionsButNeverTheSeatCounters() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 3, 10);
        Session first = offer.sessions().get(0), second = offer.sessions().get(1), third = offer.sessions().get(2);
        assertEquals(SeatOutcome.TAKEN, take(enrolment(offer, first.id(), id("p"))));

        Session moved = new Session(first.id(), first.start().plusHours(1), first.end().plusHours(1), first.locationId(), 12, 0, first.status());
        Session walkIn = new Session(second.id(), second.start(), second.end(), second.locationId(), null, 0, second.status());
        Session added = session(first.locationId(), BASE.plusWeeks(5), 8);
        Offer changed = new Offer(offer.id(), offer.organisationId(), "Klik & Tik 2", "Nieuw", null, OfferKind.WORKSHOP,
                ProgrammeLine.WORK, List.of("werk"), List.of(), DeliveryFormat.ONLINE, Price.FREE, null, null,
                EnrolmentScope.PER_SESSION, null, Instant.now(), List.of(moved, walkIn, added));
        catalog().updateOffer(changed);

        Offer read = catalog().offer(offer.id()).orElseThrow();
        assertEquals(changed.withSessions(List.of(moved.withTaken(1), walkIn, added)), read,
                "fields replaced, the third session removed, the taken seat kept although the edit said 0");
        assertTrue(read.session(third.id()).isEmpty());
    }

    @Test
    void moreSessionsThanOneAtomicWriteTakesAreRefusedWhole() {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Offer huge = offer(o.id(), EnrolmentScope.PER_SESSION, weekly(l.id(), BASE, 100, 5));
        ConflictException e = assertThrows(ConflictException.class, () -> catalog().createOffer(huge));
        assertEquals(Reason.TOO_MANY_CHANGES, e.reason());
        assertTrue(catalog().offer(huge.id()).isEmpty());
        Offer most = offer(o.id(), EnrolmentScope.PER_SESSION, weekly(l.id(), BASE, 99, 5));
        catalog().createOffer(most);
        assertEquals(99, catalog().offer(most.id()).orElseThrow().sessions().size());
    }

    @Test
    void updatingAnOfferThatIsNotThereIsNotFound() {
        Organisation o = organisation(stores);
        Offer ghost = offer(o.id(), EnrolmentScope.PER_SESSION, List.of());
        assertThrows(NotFoundException.class, () -> catalog().updateOffer(ghost));
    }

    @Test
    void aSessionPeopleEnrolledInIsNotRemovedAndItsSeatsNotCutBelowTheTaken() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 2, 10);
        Session first = offer.sessions().get(0), second = offer.sessions().get(1);
        for (int i = 0; i < 3; i++) take(enrolment(offer, first.id(), id("p")));

        ConflictException removed = assertThrows(ConflictException.class, () -> catalog().updateOffer(offer.withSessions(List.of(second))));
        assertEquals(Reason.SESSION_HAS_ENROLMENTS, removed.reason());
        assertTrue(removed.getMessage().contains(first.start().toString()), removed.getMessage());

        Session fewer = new Session(first.id(), first.start(), first.end(), first.locationId(), 2, 0, first.status());
        ConflictException cut = assertThrows(ConflictException.class, () -> catalog().updateOffer(offer.withSessions(List.of(fewer, second))));
        assertEquals(Reason.SEATS_BELOW_TAKEN, cut.reason());

        Session exactly = new Session(first.id(), first.start(), first.end(), first.locationId(), 3, 0, first.status());
        catalog().updateOffer(offer.withSessions(List.of(exactly)));
        Offer read = catalog().offer(offer.id()).orElseThrow();
        assertEquals(List.of(exactly.withTaken(3)), read.sessions(), "seats down to the taken is fine; the empty session went");
    }

    @Test
    void aLessonAddedToACourseCarriesItsEnrolmentsOnlyWhileNobodyEnrolsMeanwhile() {
        Offer course = storedOffer(stores, EnrolmentScope.WHOLE_COURSE, 2, 10);
        List<String> lessons = course.sessions().stream().map(Session::id).toList();
        assertEquals(SeatOutcome.TAKEN, takeAll(enrolment(course, null, id("p")), lessons, course.updatedAt()));
        Offer read = catalog().offer(course.id()).orElseThrow();

        Session extra = session(course.sessions().get(0).locationId(), BASE.plusWeeks(4), 10).withTaken(1);
        List<Session> withExtra = new ArrayList<>(read.sessions());
        withExtra.add(extra);
        // Someone else enrols after the editor read the course: the carried count (1) is stale.
        assertEquals(SeatOutcome.TAKEN, takeAll(enrolment(course, null, id("p")), lessons, read.updatedAt()));
        ConflictException stale = assertThrows(ConflictException.class, () -> catalog().updateOffer(read.withSessions(withExtra)));
        assertEquals(Reason.ENROLLED_MEANWHILE, stale.reason());

        Offer fresh = catalog().offer(course.id()).orElseThrow();
        List<Session> again = new ArrayList<>(fresh.sessions());
        again.add(extra.withTaken(2));
        catalog().updateOffer(fresh.withSessions(again));
        assertEquals(List.of(2, 2, 2), catalog().offer(course.id()).orElseThrow().sessions().stream().map(Session::taken).toList());
    }

    @Test
    void anOfferWithoutEnrolmentsIsRemovedOnlyAsItWasRead() {
        Offer empty = storedOffer(stores, EnrolmentScope.PER_SESSION, 2, 10);
        Offer stale = new Offer(empty.id(), empty.organisationId(), empty.title(), empty.summary(), empty.description(), empty.kind(),
                empty.programmeLine(), empty.themes(), empty.targetGroups(), empty.format(), empty.price(), empty.provider(),
                empty.moreInfoUrl(), empty.enrolmentScope(), empty.source(), empty.updatedAt().minusSeconds(60), empty.sessions());
        assertFalse(catalog().removeOfferWithoutEnrolments(stale), "changed since it was read");
        assertTrue(catalog().offer(empty.id()).isPresent());
        assertTrue(catalog().removeOfferWithoutEnrolments(empty));
        assertTrue(catalog().offer(empty.id()).isEmpty());
        assertFalse(catalog().removeOfferWithoutEnrolments(empty), "gone already");

        Offer taken = storedOffer(stores, EnrolmentScope.PER_SESSION, 2, 10);
        take(enrolment(taken, taken.sessions().get(1).id(), id("p")));
        assertFalse(catalog().removeOfferWithoutEnrolments(catalog().offer(taken.id()).orElseThrow()));
        assertEquals(2, catalog().offer(taken.id()).orElseThrow().sessions().size(), "kept whole");
    }

    @Test
    void draftsStayOutOfTheAgendaAndStatusAndNotesRoundTrip() {
        LocalDateTime start = LocalDateTime.of(2046, 5, 12, 14, 0);
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Session called = new Session(id("s"), start, start.plusHours(1), l.id(), 8, 0, Session.SessionStatus.CANCELLED, "De docent is ziek.");
        Offer draft = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(called)).withStatus(nl.ontwikkelplein.domain.OfferStatus.DRAFT);
        catalog().createOffer(draft);
        assertEquals(draft, catalog().offer(draft.id()).orElseThrow());
        Instant from = start.minusDays(1).atZone(Session.ZONE).toInstant();
        assertTrue(catalog().upcoming(from, 100).stream().noneMatch(a -> a.offerId().equals(draft.id())), "a draft is not in the agenda");

        Session again = new Session(called.id(), start, start.plusHours(1), l.id(), 8, 0, Session.SessionStatus.SCHEDULED, null);
        Offer published = draft.withSessions(List.of(again)).withStatus(nl.ontwikkelplein.domain.OfferStatus.CANCELLED);
        catalog().updateOffer(published);
        Offer read = catalog().offer(draft.id()).orElseThrow();
        assertEquals(nl.ontwikkelplein.domain.OfferStatus.CANCELLED, read.status());
        assertEquals(null, read.sessions().get(0).note(), "a note taken away is gone");
        AgendaEntry entry = catalog().upcoming(from, 100).stream().filter(a -> a.offerId().equals(draft.id())).findFirst().orElseThrow();
        assertEquals(nl.ontwikkelplein.domain.OfferStatus.CANCELLED, entry.offerStatus(), "a called-off offer shows as such");
        assertTrue(entry.isCancelled());
    }

    @Test
    void theAgendaListsSessionsFromAMomentInStartOrderAcrossMonths() {
        // Its own year, so no other test's sessions fall inside the window.
        LocalDateTime start = LocalDateTime.of(2045, 1, 20, 9, 30);
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Offer weeklyOffer = offer(o.id(), EnrolmentScope.PER_SESSION, weekly(l.id(), start, 4, 10));
        Offer monthly = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(session(l.id(), start.plusDays(1), null),
                session(l.id(), start.plusMonths(12), null), session(l.id(), start.plusMonths(14), null)));
        catalog().createOffer(weeklyOffer);
        catalog().createOffer(monthly);

        Instant from = start.plusMinutes(1).atZone(Session.ZONE).toInstant();
        List<AgendaEntry> agenda = catalog().upcoming(from, 100);
        List<LocalDateTime> starts = agenda.stream().map(a -> a.session().start()).toList();
        assertEquals(List.of(start.plusDays(1), start.plusWeeks(1), start.plusWeeks(2), start.plusWeeks(3), start.plusMonths(12)), starts,
                "after the first session, in order, into next year, not past thirteen months");
        AgendaEntry first = agenda.get(0);
        assertEquals(monthly.id(), first.offerId());
        assertEquals(monthly.title(), first.offerTitle());
        assertEquals(o.id(), first.organisationId());
        assertEquals(new Price(1250), first.price());
        assertEquals(DeliveryFormat.BLENDED, first.format());
        assertEquals(OfferKind.COURSE, first.kind());
        assertEquals(ProgrammeLine.BASIC_SKILLS, first.programmeLine());
        assertEquals(3, catalog().upcoming(from, 3).size());
    }

    @Test
    void offersOfAnOrganisationComeWithoutSessions() {
        Offer one = storedOffer(stores, EnrolmentScope.PER_SESSION, 2, 10);
        Offer two = offer(one.organisationId(), EnrolmentScope.PER_SESSION, List.of());
        catalog().createOffer(two);
        storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10); // another organisation's

        List<Offer> offers = catalog().offersOf(one.organisationId());
        assertEquals(List.of(one.id(), two.id()).stream().sorted().toList(), offers.stream().map(Offer::id).toList());
        assertTrue(offers.stream().allMatch(x -> x.sessions().isEmpty()));
        assertEquals(one.withSessions(List.of()), offers.stream().filter(x -> x.id().equals(one.id())).findFirst().orElseThrow());
        assertTrue(catalog().offersOf(id("org")).isEmpty());

        List<nl.ontwikkelplein.domain.OfferSummary> summaries = catalog().offerSummaries(one.organisationId());
        assertEquals(offers, summaries.stream().map(nl.ontwikkelplein.domain.OfferSummary::offer).toList(), "the same offers, in the same order");
        assertEquals(java.util.Set.of(one.sessions().get(0).locationId()),
                summaries.stream().filter(x -> x.offer().id().equals(one.id())).findFirst().orElseThrow().locationIds());
        assertTrue(summaries.stream().filter(x -> x.offer().id().equals(two.id())).findFirst().orElseThrow().locationIds().isEmpty());
    }

    @Test
    void anImportedOfferIsWrittenOnlyWhenItsContentChanged() {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Offer base = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(session(l.id(), BASE, 10)));
        Offer imported = withSource(base, "hash-1", "Eerste titel");
        assertTrue(catalog().upsertImported(imported), "new");
        assertFalse(catalog().upsertImported(withSource(base, "hash-1", "Andere titel maar zelfde hash")), "same hash: nothing written");
        assertEquals("Eerste titel", catalog().offer(base.id()).orElseThrow().title());
        assertTrue(catalog().upsertImported(withSource(base, "hash-2", "Tweede titel")));
        assertEquals("Tweede titel", catalog().offer(base.id()).orElseThrow().title());
        assertEquals("hash-2", catalog().offer(base.id()).orElseThrow().source().contentHash());
    }

    @Test
    void anOfferStaffTookOverIsNeverWrittenByTheImportUntilHandedBack() {
        Organisation o = organisation(stores);
        Location l = location(stores, o.id());
        Offer base = offer(o.id(), EnrolmentScope.PER_SESSION, List.of(session(l.id(), BASE, 10)));
        assertTrue(catalog().upsertImported(withSource(base, "hash-1", "Van de partner")));
        Offer imported = catalog().offer(base.id()).orElseThrow();
        assertFalse(imported.source().takenOver(), "an import keeps a new offer with the feed");

        Offer edited = withSource(imported, "hash-1", "Door de bibliotheek aangepast");
        catalog().updateOffer(edited.withSource(edited.source().takenOver(true), ContractData.now()));
        Offer taken = catalog().offer(base.id()).orElseThrow();
        assertTrue(taken.source().takenOver(), "taken over round-trips");
        assertEquals("ext-" + base.id(), taken.source().externalId(), "the partner's id stays, so the feed never makes a second copy");

        assertFalse(catalog().upsertImported(withSource(base, "hash-2", "Nieuwe titel van de partner")), "taken over: the import writes nothing");
        assertEquals("Door de bibliotheek aangepast", catalog().offer(base.id()).orElseThrow().title());

        catalog().updateOffer(taken.withSource(new Offer.Source("feed", "ext-" + base.id(), "", false), ContractData.now()));
        assertFalse(catalog().offer(base.id()).orElseThrow().source().takenOver(), "handed back round-trips");
        assertTrue(catalog().upsertImported(withSource(base, "hash-2", "Nieuwe titel van de partner")), "handed back: the import writes again");
        assertEquals("Nieuwe titel van de partner", catalog().offer(base.id()).orElseThrow().title());
    }

    private static Offer withSource(Offer o, String hash, String title) {
        return new Offer(o.id(), o.organisationId(), title, o.summary(), o.description(), o.kind(), o.programmeLine(), o.themes(),
                o.targetGroups(), o.format(), o.price(), o.provider(), o.moreInfoUrl(), o.enrolmentScope(),
                new Offer.Source("feed", "ext-" + o.id(), hash), o.updatedAt(), o.sessions());
    }
}
