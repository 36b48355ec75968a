package nl.ontwikkelplein.local;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one schedule form the local runtime supports: EventBridge Scheduler's daily
 * {@code cron(m h * * ? *)} (also with '?' and '*' swapped between day-of-month and day-of-week),
 * in the schedule's time zone. Anything else is refused with a message, rather than run at a
 * time the template does not say.
 *
 * <p>Daylight saving: a local time that does not exist that day (Europe/Amsterdam skips 02:00-03:00
 * on the last Sunday of March) is moved later by the length of the gap (02:30 runs at 03:30); a time
 * that occurs twice runs once, at the first occurrence.
 */
record DailyCron(int minute, int hour, ZoneId zone) {

    private static final Pattern DAILY = Pattern.compile(
            "cron\\(\\s*(\\d{1,2})\\s+(\\d{1,2})\\s+([*?])\\s+\\*\\s+([*?])\\s+\\*\\s*\\)");

    static DailyCron parse(String expression, String timezone) {
        Matcher matcher = DAILY.matcher(expression.trim());
        if (!matcher.matches() || matcher.group(3).equals(matcher.group(4))) {
            throw new IllegalArgumentException("schedule '" + expression + "' is not supported locally: only the daily form "
                    + "cron(m h * * ? *) is (rate(), at() and other cron fields are not)");
        }
        int minute = Integer.parseInt(matcher.group(1));
        int hour = Integer.parseInt(matcher.group(2));
        if (minute > 59 || hour > 23) {
            throw new IllegalArgumentException("schedule '" + expression + "' has an invalid minute or hour");
        }
        return new DailyCron(minute, hour, ZoneId.of(timezone));
    }

    /** The first fire time strictly after {@code after}. */
    Instant next(Instant after) {
        ZonedDateTime now = after.atZone(zone);
        ZonedDateTime candidate = ZonedDateTime.of(now.toLocalDate(), LocalTime.of(hour, minute), zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = ZonedDateTime.of(now.toLocalDate().plusDays(1), LocalTime.of(hour, minute), zone);
        }
        return candidate.toInstant();
    }
}
