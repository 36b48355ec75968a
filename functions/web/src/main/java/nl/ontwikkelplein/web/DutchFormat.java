package nl.ontwikkelplein.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.ontwikkelplein.domain.Session;

/**
 * Dates, times and counts the way Dutch readers expect them: "dinsdag 1 december 2026",
 * "14.00 – 16.00 uur", "Nog 1 plaats". All wall-clock times are in Europe/Amsterdam.
 */
public final class DutchFormat {
    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    public static final ZoneId ZONE = Session.ZONE;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter DATE_NO_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", DUTCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm", DUTCH);
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DutchFormat() {}

    /** "dinsdag 1 december 2026" */
    public static String date(LocalDate date) { return DATE.format(date); }

    /** "dinsdag 1 december" */
    public static String dateWithoutYear(LocalDate date) { return DATE_NO_YEAR.format(date); }

    /** "Van maandag 6 september 2027 tot en met vrijdag 28 januari 2028", or "Op maandag 6 september 2027" for one day */
    public static String period(nl.ontwikkelplein.domain.Offer.Period p) {
        return p.start().equals(p.end()) ? "Op " + date(p.start()) : "Van " + date(p.start()) + " tot en met " + date(p.end());
    }

    /** "14.00" (hours without a leading zero: "9.30") */
    public static String time(LocalTime time) { return TIME.format(time); }

    /**
     * "14.00 – 16.00 uur"; when the session ends on a later day:
     * "14.00 uur tot woensdag 2 december 2026, 16.00 uur".
     */
    public static String timeRange(LocalDateTime start, LocalDateTime end) {
        if (end == null || !end.isAfter(start)) return time(start.toLocalTime()) + " uur";
        if (end.toLocalDate().equals(start.toLocalDate()))
            return time(start.toLocalTime()) + " – " + time(end.toLocalTime()) + " uur";
        return time(start.toLocalTime()) + " uur tot " + date(end.toLocalDate()) + ", " + time(end.toLocalTime()) + " uur";
    }

    /** The day heading of the agenda: "Vandaag, zondag 25 oktober 2026", "Morgen, …" or just the date. */
    public static String dayHeading(LocalDate day, LocalDate today) {
        if (day.equals(today)) return "Vandaag, " + date(day);
        if (day.equals(today.plusDays(1))) return "Morgen, " + date(day);
        return capitalise(date(day));
    }

    /** Today's date in the Netherlands at this moment. */
    public static LocalDate today(Instant now) { return LocalDate.ofInstant(now, ZONE); }

    /** Wall-clock time in Amsterdam with its offset that day: "2026-03-29T14:00:00+02:00". */
    public static String isoWithOffset(LocalDateTime wallClock) {
        OffsetDateTime t = wallClock.atZone(ZONE).toOffsetDateTime();
        return ISO_OFFSET.format(t);
    }

    /** "Nog 1 plaats", "Nog 12 plaatsen" */
    public static String seatsLeft(int n) { return "Nog " + n + (n == 1 ? " plaats" : " plaatsen"); }

    static String capitalise(String s) {
        if (s == null || s.isEmpty()) return s;
        return s.substring(0, 1).toUpperCase(DUTCH) + s.substring(1);
    }
}
