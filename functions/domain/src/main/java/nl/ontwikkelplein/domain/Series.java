package nl.ontwikkelplein.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One date, or a repeating series of dates as staff describe it: weekly or every two weeks on a
 * weekday, from a date until a date or for a number of times, skipping given dates (school
 * holidays). Checked as a whole; every error names its field, in Dutch.
 *
 * @param repeat   "geen" (one date), "week" or "twee-weken"
 * @param weekday  1 (Monday) to 7, or empty for the first date's weekday
 * @param until    last possible date, or empty when {@code count} is given
 * @param count    number of dates, or empty when {@code until} is given
 * @param skip     dates to leave out, separated by commas, spaces or new lines
 * @param seats    empty when no enrolment is needed (walk in)
 */
public record Series(String firstDate, String startTime, String endTime, String repeat, String weekday, String until,
                     String count, String skip, String locationId, String seats) {
    public static final int MAX_DATES = OfferService.MAX_SESSIONS;
    private static final Pattern DUTCH_DATE = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.u](\\d{2}))?\\s*(?:uur)?");

    /** The dates as session inputs, earliest first. @throws InvalidInputException with every problem found */
    public List<OfferInput.SessionInput> expand() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = date(firstDate, "datum", errors);
        LocalTime from = time(startTime, "begintijd", errors);
        LocalTime to = time(endTime, "eindtijd", errors);
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("eindtijd", "De eindtijd moet na de begintijd liggen."));
        Integer places = null;
        if (seats != null && !seats.isBlank()) {
            try {
                places = Integer.parseInt(seats.strip());
                if (places < 1 || places > OfferService.MAX_SEATS) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(new FieldError("plaatsen", "Vul een aantal plaatsen in tussen 1 en " + OfferService.MAX_SEATS + ". Laat het leeg als aanmelden niet nodig is."));
            }
        }
        if (locationId == null || locationId.isBlank()) errors.add(new FieldError("locatie", "Kies waar het is."));
        String kind = repeat == null || repeat.isBlank() ? "geen" : repeat.strip();
        List<LocalDate> dates = new ArrayList<>();
        if (!List.of("geen", "week", "twee-weken").contains(kind)) {
            errors.add(new FieldError("herhaling", "Kies of het één keer is, elke week of om de week."));
        } else if (first != null && kind.equals("geen")) {
            dates.add(first);
        } else if (first != null) {
            dates = repeated(first, kind.equals("week") ? 1 : 2, errors);
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        List<OfferInput.SessionInput> out = new ArrayList<>();
        for (LocalDate d : dates)
            out.add(new OfferInput.SessionInput(null, LocalDateTime.of(d, from).toString(), LocalDateTime.of(d, to).toString(), locationId.strip(), places, null));
        return out;
    }

    private List<LocalDate> repeated(LocalDate first, int weeks, List<FieldError> errors) {
        LocalDate start = first;
        if (weekday != null && !weekday.isBlank()) {
            try {
                DayOfWeek day = DayOfWeek.of(Integer.parseInt(weekday.strip()));
                start = first.with(TemporalAdjusters.nextOrSame(day));
            } catch (RuntimeException e) {
                errors.add(new FieldError("weekdag", "Kies een dag van de week."));
                return List.of();
            }
        }
        boolean hasUntil = until != null && !until.isBlank(), hasCount = count != null && !count.isBlank();
        if (hasUntil == hasCount) {
            errors.add(new FieldError("tot", "Vul een einddatum in, of hoe vaak het is. Niet allebei."));
            return List.of();
        }
        LocalDate last = hasUntil ? date(until, "tot", errors) : null;
        int times = 0;
        if (hasCount) {
            try {
                times = Integer.parseInt(count.strip());
                if (times < 1 || times > MAX_DATES) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(new FieldError("aantal", "Vul in hoe vaak: een getal van 1 tot en met " + MAX_DATES + "."));
            }
        }
        if (last != null && last.isBefore(start)) errors.add(new FieldError("tot", "De einddatum ligt voor de eerste datum."));
        if (last != null && last.isAfter(start.plusYears(1))) errors.add(new FieldError("tot", "Een reeks duurt hoogstens een jaar."));
        Set<LocalDate> skipped = skipped(errors);
        if (!errors.isEmpty()) return List.of();
        List<LocalDate> dates = new ArrayList<>();
        int produced = 0;
        for (LocalDate d = start; hasCount ? produced < times : !d.isAfter(last); d = d.plusWeeks(weeks)) {
            produced++; // a skipped date still counts as one of the N times: "10 keer, niet in de herfstvakantie" gives 9
            if (!skipped.contains(d)) dates.add(d);
            if (dates.size() > MAX_DATES) break;
        }
        if (dates.size() > MAX_DATES) errors.add(new FieldError("tot", "Dat zijn meer dan " + MAX_DATES + " data. Maak de reeks korter."));
        if (dates.isEmpty() && errors.isEmpty()) errors.add(new FieldError("overslaan", "Zo blijft er geen enkele datum over."));
        return dates;
    }

    private Set<LocalDate> skipped(List<FieldError> errors) {
        Set<LocalDate> out = new LinkedHashSet<>();
        if (skip == null || skip.isBlank()) return out;
        if (skip.length() > 2000) {
            errors.add(new FieldError("overslaan", "Dat zijn te veel data om over te slaan."));
            return out;
        }
        for (String part : skip.split("[,;\\s]+")) {
            if (part.isBlank()) continue;
            LocalDate d = parseDate(part);
            if (d == null) {
                errors.add(new FieldError("overslaan", "‘" + (part.length() > 20 ? part.substring(0, 20) + "…" : part) + "’ is geen datum. Schrijf data als 21-12-2026."));
                return out;
            }
            out.add(d);
        }
        return out;
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Vul een datum in, zoals 8-12-2026."));
            return null;
        }
        LocalDate d = parseDate(value.strip());
        if (d == null) errors.add(new FieldError(field, "Schrijf de datum als 8-12-2026."));
        return d;
    }

    /** 8-12-2026, 8/12/2026, 8.12.2026 or 2026-12-08 (what a date field sends). */
    public static LocalDate parseDate(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher m = DUTCH_DATE.matcher(v);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            m = ISO_DATE.matcher(v);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalTime time(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Vul een tijd in, zoals 14:00."));
            return null;
        }
        LocalTime t = parseTime(value);
        if (t == null) errors.add(new FieldError(field, "Schrijf de tijd als 14:00."));
        return t;
    }

    /** 14:00, 14.00, 14u30, 9 (what a time field sends: 14:00). */
    public static LocalTime parseTime(String value) {
        Matcher m = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        int h = Integer.parseInt(m.group(1)), min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (h > 23 || min > 59) return null;
        return LocalTime.of(h, min);
    }
}
