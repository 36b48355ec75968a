package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Seats;
import nl.ontwikkelplein.domain.InvalidInputException;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferInput.SessionInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A course takes one enrolment for all its lessons: a seat in every lesson, all or none. */
@LocalStackTest
class CourseEnrolmentTest {
    static final int SEATS = 5;

    static TestStack stack;
    static OfferService offers;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.organisationAndLocation(stack);
        offers = new OfferService(Fixtures.catalog(stack), Clock.systemUTC());
    }

    static OfferInput courseInput(String title, List<Integer> seats, List<String> ids) {
        LocalDateTime first = LocalDateTime.now().plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0);
        List<SessionInput> lessons = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            LocalDateTime start = first.plusWeeks(i);
            lessons.add(new SessionInput(ids == null ? null : ids.get(i), start.toString(), start.plusHours(2).toString(),
                    Fixtures.LOCATION, seats.get(i), null));
        }
        // No waitlist: these tests are about seats; WaitlistTest covers queues.
        return new OfferInput(Fixtures.ORG, title, null, null, "COURSE", "BASIC_SKILLS", null, null, null, null, null, null,
                "WHOLE_COURSE", lessons, null, 0);
    }

    @Test
    void exactlyTheSeatsAreTakenInEveryLesson() throws Exception {
        Offer course = offers.create(courseInput("Digisterker", List.of(SEATS, SEATS, SEATS), null));
        String path = "/api/offers/" + course.id() + "/enrolments";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String phone = String.format("06%08d", 20_000_000 + i);
            answers.add(pool.submit(() -> stack.post(path, "application/json", "{\"name\":\"Cursist\",\"phone\":\"" + phone + "\"}")));
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<HttpResponse<String>> a : answers) byStatus.merge(a.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        pool.shutdown();
        assertEquals(Map.of(201, SEATS, 409, 40 - SEATS), byStatus);
        for (Session lesson : Fixtures.catalog(stack).offer(course.id()).orElseThrow().sessions())
            assertEquals(SEATS, lesson.taken(), "lesson " + lesson.start());
        assertEquals(SEATS, Fixtures.rows(stack, "enrolments").stream()
                .filter(r -> r.get("scope_key").equals("COURSE#" + course.id())).count());
    }

    @Test
    void aLessonCannotBeChosenAloneAndACourseLinkNeedsACourse() throws Exception {
        Offer course = offers.create(courseInput("Klik & Tik", List.of(8, 8), null));
        HttpResponse<String> perLesson = stack.post("/api/offers/" + course.id() + "/sessions/" + course.sessions().get(0).id() + "/enrolments",
                "application/json", "{\"name\":\"A\",\"phone\":\"0612345678\"}");
        assertEquals(409, perLesson.statusCode());
        assertTrue(perLesson.body().contains("WHOLE_COURSE"), perLesson.body());

        Offer perDate = Fixtures.offer(stack, "Taalcafé", 10, 4);
        HttpResponse<String> wrongWay = stack.post("/api/offers/" + perDate.id() + "/enrolments", "application/json",
                "{\"name\":\"A\",\"phone\":\"0612345678\"}");
        assertEquals(409, wrongWay.statusCode());
        assertTrue(wrongWay.body().contains("CHOOSE_DATE"), wrongWay.body());
        assertEquals(0, Fixtures.catalog(stack).offer(course.id()).orElseThrow().sessions().get(0).taken());
    }

    @Test
    void editsKeepCourseEnrolmentsWhole() throws Exception {
        InvalidInputException unequal = assertThrows(InvalidInputException.class,
                () -> offers.create(courseInput("Ongelijk", List.of(8, 6), null)));
        assertEquals("sessions", unequal.errors().get(0).field());

        Offer course = offers.create(courseInput("Smartphonecursus", List.of(8, 8), null));
        assertEquals(201, stack.post("/api/offers/" + course.id() + "/enrolments", "application/x-www-form-urlencoded",
                "name=Ria&phone=0687654321").statusCode());
        List<String> ids = course.sessions().stream().map(Session::id).toList();
        List<String> withNew = new ArrayList<>(ids);
        withNew.add(null);
        // A lesson added later holds Ria's seat too: she comes to every lesson.
        Offer longer = offers.update(course.id(), courseInput("Smartphonecursus", List.of(8, 8, 8), withNew));
        assertEquals(List.of(1, 1, 1), longer.sessions().stream().map(Session::taken).toList());
        assertEquals(7, longer.courseSeatsLeft());
        List<String> threeIds = longer.sessions().stream().map(Session::id).toList();
        List<String> fourth = new ArrayList<>(threeIds);
        fourth.add(null);
        // ...but not with fewer seats than people enrolled (here: the second person makes 2, the lessons get 1 seat).
        assertEquals(201, stack.post("/api/offers/" + course.id() + "/enrolments", "application/json",
                "{\"name\":\"Kees\",\"phone\":\"0687654322\"}").statusCode());
        ConflictException tooSmall = assertThrows(ConflictException.class,
                () -> offers.update(course.id(), courseInput("Smartphonecursus", List.of(1, 1, 1, 1), fourth)));
        assertTrue(tooSmall.getMessage().contains("al 2 mensen aangemeld"), tooSmall.getMessage());
        ids = threeIds;
        OfferInput perSession = courseInput("Smartphonecursus", List.of(8, 8, 8), ids);
        OfferInput switched = new OfferInput(perSession.organisationId(), perSession.title(), null, null, "COURSE", "BASIC_SKILLS",
                null, null, null, null, null, null, "PER_SESSION", perSession.sessions());
        assertThrows(ConflictException.class, () -> offers.update(course.id(), switched));
        // The same lessons with a new title are fine.
        assertEquals("Smartphonecursus voor senioren",
                offers.update(course.id(), courseInput("Smartphonecursus voor senioren", List.of(8, 8, 8), ids)).title());
    }

    @Test
    void aLessonAddedWhilePeopleEnrolHoldsEveryonesSeat() throws Exception {
        // Several rounds: the editor's save lands at a different point of the rush each time.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 6; round++) lessonAddedDuringRush(pool, round);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anEnrolmentThatReadTheCourseBeforeALessonWasAddedIsTakenAgainWithIt() {
        Offer course = offers.create(courseInput("Tabletcursus", List.of(10, 10), null));
        List<String> withNew = new ArrayList<>(course.sessions().stream().map(Session::id).toList());
        withNew.add(null);
        Seats storeSeats = stack.stack().stores().seats();
        List<SeatOutcome> outcomes = new ArrayList<>();
        // Between reading the course and taking the seats, the editor adds a lesson.
        Seats editorInBetween = new Seats() {
            @Override public nl.ontwikkelplein.domain.SeatResult enrol(Enrolment e, nl.ontwikkelplein.domain.EnrolmentPolicy policy) {
                throw new AssertionError("a course takes all seats at once");
            }

            @Override public nl.ontwikkelplein.domain.SeatResult enrolAll(Enrolment e, List<String> sessionIds, Instant offerUpdatedAt,
                                                                          nl.ontwikkelplein.domain.EnrolmentPolicy policy) {
                if (outcomes.isEmpty()) offers.update(course.id(), courseInput("Tabletcursus", List.of(10, 10, 10), withNew));
                nl.ontwikkelplein.domain.SeatResult outcome = storeSeats.enrolAll(e, sessionIds, offerUpdatedAt, policy);
                outcomes.add(outcome.outcome());
                return outcome;
            }
        };
        EnrolmentService enrolments = new EnrolmentService(Fixtures.catalog(stack), editorInBetween, stack.stack().stores().participants(),
                Clock.systemUTC(), Duration.ofDays(30));
        assertEquals(EnrolmentService.Outcome.ENROLLED, enrolments.enrolInCourse(course.id(), "Anna", "0612121212").outcome());
        assertEquals(List.of(SeatOutcome.OFFER_CHANGED, SeatOutcome.TAKEN), outcomes, "read again after the change");
        assertEquals(List.of(1, 1, 1), Fixtures.catalog(stack).offer(course.id()).orElseThrow().sessions().stream().map(Session::taken).toList());
    }

    private void lessonAddedDuringRush(ExecutorService pool, int round) throws Exception {
        int people = 24;
        Offer course = offers.create(courseInput("Digisterker " + round, List.of(40, 40), null));
        List<String> withNew = new ArrayList<>(course.sessions().stream().map(Session::id).toList());
        withNew.add(null);
        String path = "/api/offers/" + course.id() + "/enrolments";
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String phone = String.format("06%02d%06d", 30 + round, i);
            answers.add(pool.submit(() -> stack.post(path, "application/json", "{\"name\":\"Cursist\",\"phone\":\"" + phone + "\"}")));
        }
        Thread.sleep(round * 30L);
        // Meanwhile an editor adds a third lesson; a save that meets a fresh enrolment is refused and saved again.
        Offer saved = null;
        int refusals = 0;
        while (saved == null) {
            try {
                saved = offers.update(course.id(), courseInput("Digisterker " + round, List.of(40, 40, 40), withNew));
            } catch (ConflictException e) {
                assertTrue(e.getMessage().contains("net iemand aangemeld"), e.getMessage());
                assertTrue(++refusals < 100, "the editor could not save");
            }
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<HttpResponse<String>> answer : answers) byStatus.merge(answer.get(30, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        assertEquals(Map.of(201, people), byStatus, "round " + round + ": every enrolment was taken, the course changing or not");

        Offer after = Fixtures.catalog(stack).offer(course.id()).orElseThrow();
        assertEquals(3, after.sessions().size());
        for (Session lesson : after.sessions())
            assertEquals(people, lesson.taken(), "round " + round + " (" + refusals + " refused saves): seats held in " + lesson.start());
        assertEquals(people, Fixtures.rows(stack, "enrolments").stream().filter(r -> r.get("scope_key").equals("COURSE#" + course.id())).count());
    }
}
