package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.enrolment;
import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static nl.ontwikkelplein.domain.contract.ContractData.storedOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Session;
import org.junit.jupiter.api.Test;

/** What every {@link nl.ontwikkelplein.domain.Participants} adapter promises. */
public abstract class ParticipantsContract extends StoreContract {

    private int taken(Offer offer, String sessionId) {
        return stores.catalog().offer(offer.id()).orElseThrow().session(sessionId).map(Session::taken).orElseThrow();
    }

    @Test
    void theListHasEveryoneOfTheDateAndACancellationGivesTheSeatBackOnce() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 2, 10);
        String date = offer.sessions().get(0).id(), other = offer.sessions().get(1).id();
        List<String> people = List.of(id("p"), id("p"), id("p"));
        for (String p : people) assertEquals(SeatOutcome.TAKEN, take(enrolment(offer, date, p)));
        take(enrolment(offer, other, id("p")));
        List<Participant> list = stores.participants().of(offer.id(), date);
        assertEquals(3, list.size(), "only this date's people");
        assertTrue(list.stream().map(p -> p.enrolment().personKey()).toList().containsAll(people));
        Enrolment first = list.get(0).enrolment();
        assertEquals("Anna de Vries", first.name());
        assertEquals("+31612345678", first.phone());

        assertTrue(stores.participants().cancel(offer.id(), date, people.get(1), List.of(date), java.time.Instant.now()).isPresent());
        assertEquals(2, taken(offer, date));
        assertFalse(stores.participants().cancel(offer.id(), date, people.get(1), List.of(date), java.time.Instant.now()).isPresent(), "removed already: nothing changes");
        assertEquals(2, taken(offer, date));
        assertEquals(3, stores.participants().of(offer.id(), date).size(), "the cancelled one stays on the list, cancelled");
        assertEquals(2, stores.participants().of(offer.id(), date).stream().filter(p -> p.enrolment().status().isActive()).count());
        assertEquals(1, taken(offer, other));
    }

    @Test
    void attendanceIsKeptPerDate() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10);
        String date = offer.sessions().get(0).id();
        String anna = id("p"), bert = id("p");
        take(enrolment(offer, date, anna));
        take(enrolment(offer, date, bert));
        assertTrue(stores.participants().setAttendance(offer.id(), date, anna, date, Attendance.PRESENT));
        assertTrue(stores.participants().setAttendance(offer.id(), date, bert, date, Attendance.ABSENT));
        assertTrue(stores.participants().setAttendance(offer.id(), date, bert, date, Attendance.PRESENT), "changed afterwards");
        Map<String, Attendance> marks = new java.util.HashMap<>();
        for (Participant p : stores.participants().of(offer.id(), date)) marks.put(p.enrolment().personKey(), p.attendanceAt(date));
        assertEquals(Map.of(anna, Attendance.PRESENT, bert, Attendance.PRESENT), marks);
        assertFalse(stores.participants().setAttendance(offer.id(), date, id("nobody"), date, Attendance.PRESENT));
    }

    @Test
    void aCourseParticipantHoldsASeatInEveryLessonAndGivesThemAllBack() {
        Offer course = storedOffer(stores, EnrolmentScope.WHOLE_COURSE, 3, 10);
        List<String> lessons = course.sessions().stream().map(Session::id).toList();
        String anna = id("p");
        assertEquals(SeatOutcome.TAKEN, takeAll(enrolment(course, null, anna), lessons, course.updatedAt()));
        takeAll(enrolment(course, null, id("p")), lessons, course.updatedAt());
        assertTrue(stores.participants().setAttendance(course.id(), null, anna, lessons.get(1), Attendance.ABSENT));
        List<Participant> list = stores.participants().of(course.id(), null);
        assertEquals(2, list.size());
        assertEquals(Attendance.ABSENT, list.stream().filter(p -> p.enrolment().personKey().equals(anna)).findFirst().orElseThrow().attendanceAt(lessons.get(1)));
        assertTrue(stores.participants().cancel(course.id(), null, anna, lessons, java.time.Instant.now()).isPresent());
        for (String lesson : lessons) assertEquals(1, taken(course, lesson), "every lesson gives the seat back");
    }

    @Test
    void concurrentCancellationsGiveEachSeatBackExactlyOnce() throws Exception {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 10);
        String date = offer.sessions().get(0).id();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(id("p"));
            take(enrolment(offer, date, people.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> removals = new ArrayList<>();
            for (String p : people) for (int twice = 0; twice < 2; twice++) removals.add(() -> stores.participants().cancel(offer.id(), date, p, List.of(date), java.time.Instant.now()).isPresent());
            int removed = 0;
            for (Future<Boolean> f : pool.invokeAll(removals)) if (f.get()) removed++;
            assertEquals(10, removed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, taken(offer, date));
        assertTrue(stores.participants().of(offer.id(), date).stream().noneMatch(p -> p.enrolment().status().isActive()));
    }
}
