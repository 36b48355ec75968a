package nl.ontwikkelplein.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;

/**
 * iCalendar (RFC 5545) for dates of an offer: one VEVENT per date in Europe/Amsterdam time with
 * its VTIMEZONE, a UID that stays the same for a date forever, STATUS:CANCELLED for a date that
 * was called off. Text is escaped (backslash, semicolon, comma, newline) and lines are folded at
 * 75 octets, as the RFC asks.
 */
public final class Ics {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String VTIMEZONE = String.join("\r\n",
            "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE") + "\r\n";

    private Ics() {}

    /** The stable identity of one date in every calendar it lands in. */
    public static String uid(String offerId, String sessionId) {
        return offerId + "." + sessionId + "@ontwikkelplein";
    }

    /** One date of an offer, with its place (may be null: unknown or online). */
    public record Item(Offer offer, Session session, Location location) {}

    /** @param location where the dates are (the first date's place); may be null */
    public static String calendar(Offer offer, List<Session> sessions, Location location, Instant now) {
        return write(null, sessions.stream().map(s -> new Item(offer, s, location)).toList(), now, true);
    }

    /**
     * A subscribable feed (or the file of one offer or date) on the static site: the same bytes
     * until something changes, so DTSTAMP is the offer's last change, not the moment of building.
     *
     * @param name the calendar's name in the visitor's app ("Bibliotheek Hardenberg"); may be null
     */
    public static String feed(String name, List<Item> items) {
        // No METHOD: that is for iTIP messages (RFC 5546, where PUBLISH asks for an ORGANIZER); a
        // feed or a downloaded file is plain iCalendar.
        return write(name, items, null, false);
    }

    /** The file of one offer: all its dates that have not started at {@code now}, each at its own place. */
    public static String offerFeed(Offer offer, java.util.Map<String, Location> places, Instant now) {
        return feed(offer.title(), offer.sessions().stream().filter(s -> !s.hasStarted(now))
                .map(s -> new Item(offer, s, s.locationId() == null ? null : places.get(s.locationId()))).toList());
    }

    /**
     * SEQUENCE: minutes from 2024 to the offer's last change. It only grows, so a date that was moved
     * or called off always has a higher SEQUENCE than before; an unrelated edit raises it too, which
     * calendar apps take as a harmless update.
     */
    static long sequence(Offer offer) {
        if (offer.updatedAt() == null) return 0;
        return Math.max(0, (offer.updatedAt().getEpochSecond() - SEQUENCE_EPOCH) / 60);
    }

    private static final long SEQUENCE_EPOCH = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private static String write(String name, List<Item> items, Instant now, boolean publish) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//Ontwikkelplein//Agenda//NL");
        line(b, "CALSCALE:GREGORIAN");
        if (publish) line(b, "METHOD:PUBLISH");
        if (name != null) {
            line(b, "NAME:" + text(name));
            line(b, "X-WR-CALNAME:" + text(name));
            line(b, "X-WR-TIMEZONE:Europe/Amsterdam");
            line(b, "REFRESH-INTERVAL;VALUE=DURATION:PT12H");
        }
        b.append(VTIMEZONE);
        for (Item item : items) {
            Offer offer = item.offer();
            Session s = item.session();
            Location location = item.location();
            String where = Pages.placeName(offer, location, null);
            String address = Pages.address(location);
            String place = address.isEmpty() ? where : (where == null || where.isBlank() ? address : where + ", " + address);
            Instant stamp = now != null ? now : offer.updatedAt() != null ? offer.updatedAt() : Instant.EPOCH;
            line(b, "BEGIN:VEVENT");
            line(b, "UID:" + uid(offer.id(), s.id()));
            line(b, "DTSTAMP:" + UTC.format(stamp));
            line(b, "SEQUENCE:" + sequence(offer));
            line(b, "DTSTART;TZID=Europe/Amsterdam:" + LOCAL.format(s.start()));
            line(b, "DTEND;TZID=Europe/Amsterdam:" + LOCAL.format(s.end()));
            line(b, "SUMMARY:" + text(offer.title()));
            if (place != null && !place.isBlank()) line(b, "LOCATION:" + text(place));
            if (offer.summary() != null) line(b, "DESCRIPTION:" + text(offer.summary() + (s.note() == null ? "" : "\n" + s.note())));
            boolean cancelled = s.isCancelled() || offer.status() == nl.ontwikkelplein.domain.OfferStatus.CANCELLED;
            line(b, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
            line(b, "END:VEVENT");
        }
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    /** TEXT as RFC 5545 section 3.3.11 escapes it; control characters other than newline are dropped. */
    static String text(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> { if (c >= 0x20 || c == '\t') b.append(c); }
            }
        }
        return b.toString();
    }

    /** Appends a content line, folded so no line is longer than 75 octets (never inside a UTF-8 character). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 length, without encoding it
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
