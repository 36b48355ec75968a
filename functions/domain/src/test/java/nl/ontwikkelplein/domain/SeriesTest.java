package nl.ontwikkelplein.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {
    private static List<String> starts(Series s) {
        return s.expand().stream().map(OfferInput.SessionInput::start).toList();
    }

    private static List<String> errorFields(Series s) {
        return assertThrows(InvalidInputException.class, s::expand).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void oneDate() {
        List<OfferInput.SessionInput> one = new Series("8-12-2026", "14.00", "16:00", "geen", "", "", "", "", "hardenberg", "8").expand();
        assertEquals(List.of(new OfferInput.SessionInput(null, "2026-12-08T14:00", "2026-12-08T16:00", "hardenberg", 8, null)), one);
    }

    @Test
    void weeklyUntilADateSkippingTheChristmasHolidays() {
        Series s = new Series("2026-12-01", "10:00", "12:00", "week", "", "2027-01-19", "", "22-12-2026, 29-12-2026", "hardenberg", "");
        assertEquals(List.of("2026-12-01T10:00", "2026-12-08T10:00", "2026-12-15T10:00", "2027-01-05T10:00", "2027-01-12T10:00", "2027-01-19T10:00"), starts(s));
        assertEquals(null, s.expand().get(0).seats(), "no seats: walk in");
    }

    @Test
    void everyTwoWeeksOnAWeekdayForNTimesASkippedDateCountsAsOne() {
        // From Monday 30 November, on Thursdays (4), 4 times, the second skipped: 3 dates.
        Series s = new Series("30-11-2026", "19:00", "20:30", "twee-weken", "4", "", "4", "17-12-2026", "hardenberg", "12");
        assertEquals(List.of("2026-12-03T19:00", "2026-12-31T19:00", "2027-01-14T19:00"), starts(s));
    }

    @Test
    void everyMistakeIsNamedByItsField() {
        assertEquals(List.of("datum", "begintijd", "eindtijd", "locatie"), errorFields(new Series("", "", "", "geen", "", "", "", "", "", "")));
        assertEquals(List.of("eindtijd"), errorFields(new Series("8-12-2026", "16:00", "14:00", "geen", "", "", "", "", "x", "")));
        assertEquals(List.of("plaatsen"), errorFields(new Series("8-12-2026", "14:00", "16:00", "geen", "", "", "", "", "x", "0")));
        assertEquals(List.of("tot"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "", "", "", "", "x", "")), "neither end nor count");
        assertEquals(List.of("tot"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "", "1-1-2027", "3", "", "x", "")), "both");
        assertEquals(List.of("tot"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "", "1-1-2029", "", "", "x", "")), "more than a year");
        assertEquals(List.of("aantal"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "", "", "61", "", "x", "")));
        assertEquals(List.of("overslaan"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "", "", "2", "morgen", "x", "")));
        assertEquals(List.of("overslaan"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "", "", "1", "8-12-2026", "x", "")), "nothing left");
        assertEquals(List.of("herhaling"), errorFields(new Series("8-12-2026", "14:00", "16:00", "dagelijks", "", "", "", "", "x", "")));
        assertEquals(List.of("datum"), errorFields(new Series("31-2-2026", "14:00", "16:00", "geen", "", "", "", "", "x", "")));
        assertEquals(List.of("weekdag"), errorFields(new Series("8-12-2026", "14:00", "16:00", "week", "9", "", "2", "", "x", "")));
    }

    @Test
    void datesAndTimesAsPeopleWriteThem() {
        assertEquals(LocalDate.of(2026, 12, 8), Series.parseDate("8/12/2026"));
        assertEquals(LocalDate.of(2026, 12, 8), Series.parseDate("08.12.2026"));
        assertEquals(null, Series.parseDate("2026-13-01"));
        assertEquals(LocalTime.of(14, 30), Series.parseTime("14u30"));
        assertEquals(LocalTime.of(9, 0), Series.parseTime("9 uur"));
        assertEquals(null, Series.parseTime("25:00"));
    }
}
