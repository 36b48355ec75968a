package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.enrolment;
import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static nl.ontwikkelplein.domain.contract.ContractData.storedOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Session;
import org.junit.jupiter.api.Test;

/** What every {@link nl.ontwikkelplein.domain.Seats} adapter promises, also under concurrency. */
public abstract class SeatsContract extends StoreContract {
    /** Parallel attempts in the concurrency contracts. */
    protected int attempts() { return 120; }

    protected int threads() { return 32; }

    private Session stored(Offer offer, int index) {
        return stores.catalog().offer(offer.id()).orElseThrow().sessions().get(index);
    }

    @Test
    void aSeatIsTakenOncePerPersonAndNotWhenFull() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 2);
        String session = offer.sessions().get(0).id();
        String anna = id("p");
        assertEquals(SeatOutcome.TAKEN, take(enrolment(offer, session, anna)));
        assertEquals(SeatOutcome.ALREADY_ENROLLED, take(enrolment(offer, session, anna)));
        assertEquals(SeatOutcome.TAKEN, take(enrolment(offer, session, id("p"))));
        assertEquals(SeatOutcome.FULL, take(enrolment(offer, session, id("p"))));
        assertEquals(SeatOutcome.ALREADY_ENROLLED, take(enrolment(offer, session, anna)),
                "already enrolled wins over full: the person is told they have a place");
        assertEquals(2, stored(offer, 0).taken());
    }

    @Test
    void sessionsThatTakeNoEnrolmentAreGone() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 5);
        Session s = offer.sessions().get(0);
        assertEquals(SeatOutcome.SESSION_GONE, take(enrolment(offer, id("nosuch"), id("p"))));
        Offer ghost = ContractData.offer(offer.organisationId(), EnrolmentScope.PER_SESSION, List.of());
        assertEquals(SeatOutcome.SESSION_GONE, take(enrolment(ghost, s.id(), id("p"))), "no such offer");

        Session cancelled = new Session(s.id(), s.start(), s.end(), s.locationId(), s.seats(), 0, Session.SessionStatus.CANCELLED);
        stores.catalog().updateOffer(offer.withSessions(List.of(cancelled)));
        assertEquals(SeatOutcome.SESSION_GONE, take(enrolment(offer, s.id(), id("p"))), "called off");

        Session walkIn = new Session(s.id(), s.start(), s.end(), s.locationId(), null, 0, Session.SessionStatus.SCHEDULED);
        stores.catalog().updateOffer(offer.withSessions(List.of(walkIn)));
        assertEquals(SeatOutcome.SESSION_GONE, take(enrolment(offer, s.id(), id("p"))), "walk in: no seats to take");
        assertEquals(0, stored(offer, 0).taken());
    }

    @Test
    void aCourseTakesASeatInEveryLessonOrInNone() {
        Offer course = storedOffer(stores, EnrolmentScope.WHOLE_COURSE, 3, 2);
        List<String> lessons = course.sessions().stream().map(Session::id).toList();
        // The last lesson is fuller than the others (a drop-in seat taken there alone).
        assertEquals(SeatOutcome.TAKEN, take(enrolment(course, lessons.get(2), id("p"))));
        assertEquals(SeatOutcome.TAKEN, takeAll(enrolment(course, null, id("p")), lessons, course.updatedAt()));
        assertEquals(SeatOutcome.FULL, takeAll(enrolment(course, null, id("p")), lessons, course.updatedAt()));
        Offer read = stores.catalog().offer(course.id()).orElseThrow();
        assertEquals(List.of(1, 1, 2), read.sessions().stream().map(Session::taken).toList(), "no seat taken by the refused one");
    }

    @Test
    void aCourseEnrolmentChecksTheCourseIsAsRead() {
        Offer course = storedOffer(stores, EnrolmentScope.WHOLE_COURSE, 2, 5);
        List<String> lessons = course.sessions().stream().map(Session::id).toList();
        String anna = id("p");
        assertEquals(SeatOutcome.OFFER_CHANGED,
                takeAll(enrolment(course, null, anna), lessons, course.updatedAt().minusSeconds(1)));
        assertEquals(SeatOutcome.TAKEN, takeAll(enrolment(course, null, anna), lessons, course.updatedAt()));
        assertEquals(SeatOutcome.ALREADY_ENROLLED, takeAll(enrolment(course, null, anna), lessons, course.updatedAt()));
        assertEquals(SeatOutcome.OFFER_CHANGED, takeAll(enrolment(course, null, anna), lessons, Instant.EPOCH),
                "a changed course is reported before anything else");
        assertEquals(List.of(1, 1), stores.catalog().offer(course.id()).orElseThrow().sessions().stream().map(Session::taken).toList());
    }

    @Test
    void manyAtOnceTakeExactlyTheSeats() throws Exception {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10);
        String session = offer.sessions().get(0).id();
        Map<SeatOutcome, Integer> outcomes = race(attempts(), i -> () -> take(enrolment(offer, session, "person-" + i)));
        assertEquals(Map.of(SeatOutcome.TAKEN, 10, SeatOutcome.FULL, attempts() - 10), outcomes);
        assertEquals(10, stored(offer, 0).taken());
    }

    @Test
    void manyAtOnceInACourseFillEveryLessonEqually() throws Exception {
        Offer course = storedOffer(stores, EnrolmentScope.WHOLE_COURSE, 4, 10);
        List<String> lessons = course.sessions().stream().map(Session::id).toList();
        Map<SeatOutcome, Integer> outcomes = race(attempts(),
                i -> () -> takeAll(enrolment(course, null, "person-" + i), lessons, course.updatedAt()));
        assertEquals(Map.of(SeatOutcome.TAKEN, 10, SeatOutcome.FULL, attempts() - 10), outcomes);
        assertEquals(List.of(10, 10, 10, 10), stores.catalog().offer(course.id()).orElseThrow().sessions().stream().map(Session::taken).toList());
    }

    interface Attempt {
        Callable<SeatOutcome> number(int i);
    }

    /** All attempts released at once; every one must come back with an outcome. */
    private Map<SeatOutcome, Integer> race(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SeatOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<SeatOutcome> call = attempt.number(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            Map<SeatOutcome, Integer> outcomes = new EnumMap<>(SeatOutcome.class);
            for (Future<SeatOutcome> f : futures) outcomes.merge(f.get(120, TimeUnit.SECONDS), 1, Integer::sum);
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
