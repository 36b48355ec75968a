package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.enrolment;
import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static nl.ontwikkelplein.domain.contract.ContractData.storedOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.ManagedEnrolment;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Participants;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.SeatResult;
import nl.ontwikkelplein.domain.Session;
import org.junit.jupiter.api.Test;

/**
 * What every adapter promises for waitlists and private links: the queue in order of arrival, no
 * passing it, its maximum, cancellation and promotion as single transactions, also concurrently.
 */
public abstract class WaitlistContract extends StoreContract {

    private int taken(Offer offer, String sessionId) {
        return stores.catalog().offer(offer.id()).orElseThrow().session(sessionId).map(Session::taken).orElseThrow();
    }

    private SeatResult join(Offer offer, String date, String person, Integer limit) {
        return stores.seats().take(enrolment(offer, date, person), limit);
    }

    private Enrolment stored(Offer offer, String date, String person) {
        return stores.participants().find(offer.id(), date, person).orElseThrow();
    }

    @Test
    void whenFullPeopleJoinTheWaitlistInOrderUpToItsMaximum() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String date = offer.sessions().get(0).id();
        assertEquals(SeatOutcome.TAKEN, join(offer, date, id("p"), 2).outcome());
        String bert = id("p"), cor = id("p");
        assertEquals(new SeatResult(SeatOutcome.WAITLISTED, 1), join(offer, date, bert, 2));
        assertEquals(new SeatResult(SeatOutcome.WAITLISTED, 2), join(offer, date, cor, 2));
        assertEquals(SeatOutcome.FULL, join(offer, date, id("p"), 2).outcome(), "the waitlist is at its maximum");
        assertEquals(SeatOutcome.ALREADY_ENROLLED, join(offer, date, bert, 2).outcome());
        assertEquals(1, taken(offer, date));
        assertEquals(List.of(bert, cor), stores.participants().waiting(offer.id(), date, 10).stream().map(Enrolment::personKey).toList());
        assertEquals(Enrolment.EnrolmentStatus.WAITLISTED, stored(offer, date, bert).status());
        assertEquals(2, stores.participants().position(stored(offer, date, cor)));
        assertEquals(0, stores.participants().position(stores.participants().waiting(offer.id(), date, 10).get(0).withStatus(Enrolment.EnrolmentStatus.CONFIRMED)));
    }

    @Test
    void withoutAWaitlistAFullDateIsFull() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String date = offer.sessions().get(0).id();
        assertEquals(SeatOutcome.TAKEN, join(offer, date, id("p"), 0).outcome());
        assertEquals(SeatOutcome.FULL, join(offer, date, id("p"), 0).outcome());
        assertTrue(stores.participants().waiting(offer.id(), date, 10).isEmpty());
    }

    @Test
    void nobodyPassesTheQueueAndAPromotionHappensOnce() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String date = offer.sessions().get(0).id();
        String anna = id("p"), bert = id("p"), cor = id("p");
        join(offer, date, anna, null);
        join(offer, date, bert, null);
        assertTrue(stores.participants().cancel(offer.id(), date, anna, List.of(date), Instant.now()).isPresent());
        assertEquals(0, taken(offer, date));
        // A seat is free, but Bert waits: a newcomer queues behind him.
        assertEquals(new SeatResult(SeatOutcome.WAITLISTED, 2), join(offer, date, cor, null));

        Enrolment first = stores.participants().waiting(offer.id(), date, 1).get(0);
        assertEquals(bert, first.personKey());
        assertEquals(Participants.Promotion.PROMOTED, stores.participants().promote(first, List.of(date), null, Instant.now()));
        assertEquals(Participants.Promotion.NOT_WAITING, stores.participants().promote(first, List.of(date), null, Instant.now()), "promoted once");
        assertEquals(1, taken(offer, date));
        assertEquals(Enrolment.EnrolmentStatus.CONFIRMED, stored(offer, date, bert).status());
        Enrolment next = stores.participants().waiting(offer.id(), date, 1).get(0);
        assertEquals(cor, next.personKey());
        assertEquals(1, stores.participants().position(next));
        assertEquals(Participants.Promotion.NO_SEAT, stores.participants().promote(next, List.of(date), null, Instant.now()));
        assertEquals(1, taken(offer, date));
    }

    @Test
    void leavingTheWaitlistMovesEveryoneUpAndGivesNoSeat() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String date = offer.sessions().get(0).id();
        join(offer, date, id("p"), null);
        String bert = id("p"), cor = id("p");
        join(offer, date, bert, null);
        join(offer, date, cor, null);
        assertEquals(Enrolment.EnrolmentStatus.WAITLISTED,
                stores.participants().cancel(offer.id(), date, bert, List.of(date), Instant.now()).orElseThrow());
        assertEquals(1, taken(offer, date), "a waiting person held no seat");
        assertEquals(1, stores.participants().position(stored(offer, date, cor)));
        assertEquals(Enrolment.EnrolmentStatus.CANCELLED, stored(offer, date, bert).status());
        // Bert may come back: at the end of the queue.
        assertEquals(new SeatResult(SeatOutcome.WAITLISTED, 2), join(offer, date, bert, null));
    }

    @Test
    void aCancelledPersonCanEnrolAgainAndAnErasureRemovesThem() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 2);
        String date = offer.sessions().get(0).id();
        String anna = id("p");
        join(offer, date, anna, null);
        stores.participants().cancel(offer.id(), date, anna, List.of(date), Instant.now());
        assertEquals(SeatOutcome.TAKEN, join(offer, date, anna, null).outcome());
        assertEquals(1, taken(offer, date));
        assertTrue(stores.participants().erase(offer.id(), date, anna, List.of(date)));
        assertEquals(0, taken(offer, date), "an active enrolment gives its seat back when erased");
        assertTrue(stores.participants().find(offer.id(), date, anna).isEmpty());
        assertFalse(stores.participants().erase(offer.id(), date, anna, List.of(date)));
    }

    @Test
    void thePrivateLinkFindsTheEnrolmentAndAStandInKeepsItsOwnState() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String date = offer.sessions().get(0).id();
        Enrolment anna = enrolment(offer, date, id("p"));
        stores.seats().take(anna, null);
        ManagedEnrolment found = stores.participants().byManageHash(anna.manageHash()).orElseThrow();
        assertEquals(anna.personKey(), found.enrolment().personKey());
        assertFalse(found.phantom());
        assertTrue(stores.participants().byManageHash(nl.ontwikkelplein.domain.Secrets.hash("nothing")).isEmpty());

        Enrolment standIn = enrolment(offer, date, anna.personKey()).withStatus(Enrolment.EnrolmentStatus.WAITLISTED);
        stores.participants().savePhantom(new ManagedEnrolment(standIn, 1, true));
        ManagedEnrolment phantom = stores.participants().byManageHash(standIn.manageHash()).orElseThrow();
        assertTrue(phantom.phantom());
        assertEquals(1, phantom.position());
        assertEquals(Enrolment.EnrolmentStatus.WAITLISTED, phantom.enrolment().status());
        assertTrue(stores.participants().cancelPhantom(standIn.manageHash()));
        assertEquals(Enrolment.EnrolmentStatus.CANCELLED, stores.participants().byManageHash(standIn.manageHash()).orElseThrow().enrolment().status());
        assertEquals(Enrolment.EnrolmentStatus.CONFIRMED, stored(offer, date, anna.personKey()).status(), "the real enrolment is untouched");
        assertEquals(1, taken(offer, date));
        assertTrue(stores.participants().waiting(offer.id(), date, 10).isEmpty(), "a stand-in is on no list");
        assertTrue(stores.participants().erasePhantom(standIn.manageHash()));
        assertTrue(stores.participants().byManageHash(standIn.manageHash()).isEmpty());
        assertFalse(stores.participants().cancelPhantom(standIn.manageHash()));
    }

    @Test
    void whenADateMovesTheRetentionOfItsPeopleAndStandInsMovesToo() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 2, 1);
        String date = offer.sessions().get(0).id(), other = offer.sessions().get(1).id();
        String anna = id("p"), bert = id("p");
        join(offer, date, anna, null);
        join(offer, date, bert, null);
        join(offer, other, id("p"), null);
        Enrolment standIn = enrolment(offer, date, anna);
        stores.participants().savePhantom(new ManagedEnrolment(standIn, 2, true));
        Instant later = Instant.now().plus(java.time.Duration.ofDays(200)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(2, stores.participants().moveExpiry(offer.id(), date, later));
        assertEquals(later, stored(offer, date, anna).expiresAt());
        assertEquals(later, stored(offer, date, bert).expiresAt(), "the waiting too");
        assertEquals(later, stores.participants().byManageHash(standIn.manageHash()).orElseThrow().enrolment().expiresAt(), "and the stand-in");
        assertTrue(stores.participants().waiting(offer.id(), other, 10).isEmpty());
        assertFalse(stores.participants().of(offer.id(), other).get(0).enrolment().expiresAt().equals(later), "another date keeps its own");
    }

    @Test
    void aRequestWithoutASeatTakesOneOnlyWhenAcceptedAndOneWithASeatKeepsIt() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String date = offer.sessions().get(0).id();
        nl.ontwikkelplein.domain.EnrolmentPolicy open = new nl.ontwikkelplein.domain.EnrolmentPolicy(null, true, false);
        String anna = id("p"), bert = id("p");
        assertEquals(SeatOutcome.REQUESTED, stores.seats().enrol(enrolment(offer, date, anna), open).outcome());
        assertEquals(SeatOutcome.REQUESTED, stores.seats().enrol(enrolment(offer, date, bert), open).outcome(), "full or not: a request");
        assertEquals(0, taken(offer, date), "requests without a seat take none");
        assertFalse(stored(offer, date, anna).holdsSeat());
        assertEquals(Participants.Promotion.PROMOTED, stores.participants().accept(offer.id(), date, anna, List.of(date), Instant.now()));
        assertEquals(Enrolment.EnrolmentStatus.CONFIRMED, stored(offer, date, anna).status());
        assertEquals(1, taken(offer, date));
        assertEquals(Participants.Promotion.NO_SEAT, stores.participants().accept(offer.id(), date, bert, List.of(date), Instant.now()), "full now");
        assertEquals(Participants.Promotion.NOT_WAITING, stores.participants().accept(offer.id(), date, anna, List.of(date), Instant.now()));
        assertEquals(Enrolment.EnrolmentStatus.REQUESTED, stores.participants().cancel(offer.id(), date, bert, List.of(date), Instant.now()).orElseThrow());
        assertEquals(1, taken(offer, date), "declining a request without a seat gives nothing back");

        Offer held = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 1);
        String day = held.sessions().get(0).id();
        nl.ontwikkelplein.domain.EnrolmentPolicy holding = new nl.ontwikkelplein.domain.EnrolmentPolicy(null, true, true);
        String cor = id("p"), dirk = id("p");
        assertEquals(SeatOutcome.REQUESTED, stores.seats().enrol(enrolment(held, day, cor), holding).outcome());
        assertEquals(1, taken(held, day), "the request keeps a seat");
        assertEquals(SeatOutcome.WAITLISTED, stores.seats().enrol(enrolment(held, day, dirk), holding).outcome(), "full: the waitlist");
        stores.participants().cancel(held.id(), day, cor, List.of(day), Instant.now());
        assertEquals(0, taken(held, day), "a declined request gives its seat back");
        Enrolment waiting = stores.participants().waiting(held.id(), day, 1).get(0);
        assertEquals(Participants.Promotion.PROMOTED,
                stores.participants().promote(waiting, List.of(day), null, Enrolment.EnrolmentStatus.REQUESTED, Instant.now()));
        assertEquals(Enrolment.EnrolmentStatus.REQUESTED, stored(held, day, dirk).status(), "the one waiting gets a request, and the intake call");
        assertTrue(stored(held, day, dirk).holdsSeat());
        assertEquals(Participants.Promotion.PROMOTED, stores.participants().accept(held.id(), day, dirk, List.of(day), Instant.now()));
        assertEquals(1, taken(held, day), "accepting a request that held its seat takes no second one");
    }

    @Test
    void aCourseWaitlistPromotesIntoEveryLesson() {
        Offer course = storedOffer(stores, EnrolmentScope.WHOLE_COURSE, 3, 1);
        List<String> lessons = course.sessions().stream().map(Session::id).toList();
        String anna = id("p"), bert = id("p");
        assertEquals(SeatOutcome.TAKEN, stores.seats().takeAll(enrolment(course, null, anna), lessons, course.updatedAt(), null).outcome());
        assertEquals(new SeatResult(SeatOutcome.WAITLISTED, 1),
                stores.seats().takeAll(enrolment(course, null, bert), lessons, course.updatedAt(), null));
        stores.participants().cancel(course.id(), null, anna, lessons, Instant.now());
        Enrolment waiting = stores.participants().waiting(course.id(), null, 1).get(0);
        assertEquals(Participants.Promotion.NO_SEAT, stores.participants().promote(waiting, lessons, Instant.parse("2000-01-01T00:00:00Z"), Instant.now()),
                "a course changed since it was read takes no promotion");
        assertEquals(Participants.Promotion.PROMOTED, stores.participants().promote(waiting, lessons, course.updatedAt(), Instant.now()));
        for (String lesson : lessons) assertEquals(1, taken(course, lesson));
    }

    @Test
    void concurrentArrivalsFillTheSeatsAndQueueTheRestEachOnce() throws Exception {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10);
        String date = offer.sessions().get(0).id();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<SeatResult> results = new ArrayList<>();
        try {
            List<Callable<SeatResult>> attempts = new ArrayList<>();
            for (int i = 0; i < 100; i++) attempts.add(() -> join(offer, date, id("p"), null));
            for (Future<SeatResult> f : pool.invokeAll(attempts)) results.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, results.stream().filter(r -> r.outcome() == SeatOutcome.TAKEN).count());
        assertEquals(90, results.stream().filter(r -> r.outcome() == SeatOutcome.WAITLISTED).count());
        assertEquals(10, taken(offer, date));
        List<Enrolment> queue = stores.participants().waiting(offer.id(), date, 1000);
        assertEquals(90, queue.size());
        Set<Long> tickets = new HashSet<>();
        for (int i = 0; i < queue.size(); i++) {
            assertEquals(i + 1, stores.participants().position(queue.get(i)), "positions follow the queue");
            assertTrue(tickets.add(queue.get(i).ticket()), "one ticket per person");
            if (i > 0) assertTrue(queue.get(i).ticket() > queue.get(i - 1).ticket());
        }
    }

    @Test
    void concurrentPromotionsGiveEachFreeSeatOnce() throws Exception {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 5);
        String date = offer.sessions().get(0).id();
        List<String> seated = new ArrayList<>();
        for (int i = 0; i < 5; i++) { seated.add(id("p")); join(offer, date, seated.get(i), null); }
        for (int i = 0; i < 10; i++) join(offer, date, id("p"), null);
        for (int i = 0; i < 3; i++) stores.participants().cancel(offer.id(), date, seated.get(i), List.of(date), Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int promoted = 0;
        try {
            List<Callable<Participants.Promotion>> tries = new ArrayList<>();
            for (Enrolment w : stores.participants().waiting(offer.id(), date, 100))
                for (int twice = 0; twice < 2; twice++) tries.add(() -> stores.participants().promote(w, List.of(date), null, Instant.now()));
            for (Future<Participants.Promotion> f : pool.invokeAll(tries)) if (f.get() == Participants.Promotion.PROMOTED) promoted++;
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, promoted, "three seats came free");
        assertEquals(5, taken(offer, date));
        assertEquals(7, stores.participants().waiting(offer.id(), date, 100).size());
    }
}
