package nl.ontwikkelplein.importer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;
import nl.ontwikkelplein.domain.Session;

/**
 * Reads an iCalendar feed (RFC 5545) as calendar programs export it (Google, Outlook, Apple):
 * one offer per event UID, its dates from DTSTART, RRULE, RDATE and EXDATE expanded from today over
 * {@value #HORIZON_DAYS} days, with moved or cancelled dates (RECURRENCE-ID) and events called off
 * (STATUS:CANCELLED) as cancelled sessions. ical4j does the lexing (unfolding, parameters) and the
 * recurrence rules; times are resolved here with java.time, so Outlook's Windows zone names, the
 * zones a file defines itself and floating times all land in Dutch local time.
 *
 * <p>Tolerant where the meaning is clear, strict where it is not: an event that cannot be read
 * (no UID or title, an all-day event, an unknown zone, a rule that repeats more often than daily)
 * is left out with a reason; a file that cannot be read at all imports nothing and withdraws
 * nothing. Private events (CLASS:PRIVATE or CONFIDENTIAL) are never imported. Reasons name line
 * numbers and properties, never the feed's text.
 */
final class IcalFeed {
    static final int HORIZON_DAYS = FeedSessions.HORIZON_DAYS;
    static final int MAX_EVENTS = 5_000;
    /** VCALENDAR › VEVENT › VALARM is three; anything deeper is not a calendar export. */
    static final int MAX_DEPTH = 4;
    /** Dates one rule may produce in the horizon before its first {@link OfferService#MAX_SESSIONS} are taken. */
    static final int MAX_EXPANDED = 1_000;
    /** Values in a rule's BYHOUR, BYMINUTE and BYSECOND together: more means many times a day, which no library activity does. */
    static final int MAX_TIMES_A_DAY = 4;

    private static final ZoneId NL = Session.ZONE;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

    /** Outlook writes Windows zone names (CLDR windowsZones, the zones partners here are in). */
    private static final Map<String, String> WINDOWS_ZONES = Map.ofEntries(
            Map.entry("w. europe standard time", "Europe/Amsterdam"),
            Map.entry("romance standard time", "Europe/Brussels"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("utc", "UTC"),
            Map.entry("coordinated universal time", "UTC"));

    private IcalFeed() { }

    static FeedContent parse(String sourceId, byte[] bytes, Instant now) { return parse(sourceId, bytes, now, Categories.DEFAULT); }

    /** @param categories the feed's own category mapping, tried before our words */
    static FeedContent parse(String sourceId, byte[] bytes, Instant now, Categories categories) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return FeedContent.unreadable("Het bestand is geen UTF-8-tekst (iCalendar is altijd UTF-8).");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Cleaned cleaned = clean(text);
        if (cleaned.refusal != null) return FeedContent.unreadable(cleaned.refusal);
        if (!cleaned.text.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) return FeedContent.unreadable("Het bestand bevat geen agenda (BEGIN:VCALENDAR).");

        Tree tree = new Tree(cleaned.eventLines);
        try {
            new CalendarParserImpl().parse(new StringReader(cleaned.text), tree);
        } catch (ParserException e) {
            return FeedContent.unreadable("De agenda kan niet worden gelezen vanaf regel " + cleaned.originalLine(e.getLineNo()) + ".");
        } catch (IOException | RuntimeException e) {
            return FeedContent.unreadable("De agenda kan niet worden gelezen.");
        }
        if (tree.calendars.isEmpty()) return FeedContent.unreadable("Het bestand bevat geen agenda (BEGIN:VCALENDAR).");
        return new Reader(sourceId, tree.calendars.get(0), cleaned.brokenEvents, now, categories).read();
    }

    // ------------------------------------------------------------------ lines

    /** The file unfolded into content lines, lines that are not iCalendar dropped, with the limits checked before ical4j sees it. */
    private static final class Cleaned {
        String text;
        String refusal;
        final List<Integer> originalLines = new ArrayList<>(); // content line (1-based, in text) → line in the file
        final List<Integer> eventLines = new ArrayList<>();    // the file line of each VEVENT, in order
        final Map<Integer, String> brokenEvents = new HashMap<>(); // event index → why it cannot be trusted

        int originalLine(int contentLine) {
            if (contentLine < 1 || originalLines.isEmpty()) return 1;
            return originalLines.get(Math.min(contentLine, originalLines.size()) - 1);
        }
    }

    private static Cleaned clean(String text) {
        Cleaned out = new Cleaned();
        String[] physical = text.split("\r\n|\r|\n", -1);
        List<String> logical = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (!logical.isEmpty() && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                int last = logical.size() - 1;
                logical.set(last, logical.get(last) + line.substring(1)); // unfolding (RFC 5545 3.1)
            } else {
                logical.add(line);
                lineOf.add(i + 1);
            }
        }
        StringBuilder b = new StringBuilder(text.length());
        Deque<String> open = new ArrayDeque<>();
        int events = 0;
        for (int i = 0; i < logical.size(); i++) {
            String line = logical.get(i);
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            int semi = line.indexOf(';');
            int nameEnd = colon < 0 ? -1 : semi >= 0 && semi < colon ? semi : colon;
            if (nameEnd <= 0 || !NAME.matcher(line.substring(0, nameEnd)).matches()) {
                // Not a content line: an event around it cannot be trusted, elsewhere it is dropped.
                if ("VEVENT".equals(open.peek())) out.brokenEvents.putIfAbsent(events - 1, "Regel " + lineOf.get(i) + " is geen iCalendar.");
                continue;
            }
            String name = line.substring(0, nameEnd).toUpperCase(Locale.ROOT);
            if (name.equals("BEGIN")) {
                String component = line.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
                open.push(component);
                if (open.size() > MAX_DEPTH) {
                    out.refusal = "Onderdelen zijn meer dan " + MAX_DEPTH + " keer in elkaar genest (regel " + lineOf.get(i) + ").";
                    return out;
                }
                if (component.equals("VEVENT") && open.size() == 2) {
                    if (++events > MAX_EVENTS) {
                        out.refusal = "Meer dan " + MAX_EVENTS + " activiteiten in één bestand.";
                        return out;
                    }
                    out.eventLines.add(lineOf.get(i));
                }
            } else if (name.equals("END")) {
                if (open.isEmpty()) continue; // a stray END: nothing it could close
                open.pop();
            }
            b.append(line).append("\r\n");
            out.originalLines.add(lineOf.get(i));
        }
        out.text = b.toString();
        return out;
    }

    // ------------------------------------------------------------------ components

    private record Prop(String name, Map<String, String> params, String value) {
        String param(String key) { return params.get(key); }
    }

    private static final class Component {
        final String name;
        final int line;
        final List<Prop> props = new ArrayList<>();
        final List<Component> children = new ArrayList<>();

        Component(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Prop first(String prop) {
            for (Prop p : props) if (p.name.equals(prop)) return p;
            return null;
        }

        List<Prop> all(String prop) {
            List<Prop> out = new ArrayList<>();
            for (Prop p : props) if (p.name.equals(prop)) out.add(p);
            return out;
        }

        String text(String prop) {
            Prop p = first(prop);
            return p == null ? null : unescape(p.value).strip();
        }
    }

    /** The raw components and properties as ical4j's parser hands them over. */
    private static final class Tree implements ContentHandler {
        final List<Component> calendars = new ArrayList<>();
        private final Deque<Component> stack = new ArrayDeque<>();
        private final List<Integer> eventLines;
        private int events;
        private String propName;
        private Map<String, String> params;
        private String value;

        Tree(List<Integer> eventLines) { this.eventLines = eventLines; }

        @Override public void startCalendar() { stack.push(new Component("VCALENDAR", 1)); }

        @Override public void endCalendar() {
            if (!stack.isEmpty()) calendars.add(stack.pop());
            stack.clear();
        }

        @Override public void startComponent(String name) {
            String n = name.toUpperCase(Locale.ROOT);
            int line = n.equals("VEVENT") && stack.size() == 1 && events < eventLines.size() ? eventLines.get(events++) : 0;
            Component c = new Component(n, line);
            if (!stack.isEmpty()) stack.peek().children.add(c);
            stack.push(c);
        }

        @Override public void endComponent(String name) { if (stack.size() > 1) stack.pop(); }

        @Override public void startProperty(String name) {
            propName = name.toUpperCase(Locale.ROOT);
            params = new LinkedHashMap<>();
            value = "";
        }

        @Override public void propertyValue(String v) { value = v == null ? "" : v; }

        @Override public void parameter(String name, String v) {
            if (params != null) params.putIfAbsent(name.toUpperCase(Locale.ROOT), stripQuotes(v));
        }

        @Override public void endProperty(String name) {
            if (!stack.isEmpty() && propName != null) stack.peek().props.add(new Prop(propName, Map.copyOf(params), value));
            propName = null;
        }
    }

    // ------------------------------------------------------------------ events to offers

    /** One date of an event, in Dutch local time. */
    private record Instance(LocalDateTime start, LocalDateTime end, String place, boolean cancelled) {}

    private static final class Reader {
        final String sourceId;
        final Component calendar;
        final Map<Integer, String> broken;
        final ZonedDateTime from, until;
        final ZoneId floating;
        final Map<String, ZoneId> fileZones = new HashMap<>();
        final FeedSessions window;
        final List<FeedOffer> offers = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Categories categories;

        Reader(String sourceId, Component calendar, Map<Integer, String> broken, Instant now, Categories categories) {
            this.categories = categories;
            this.sourceId = sourceId;
            this.calendar = calendar;
            this.broken = broken;
            this.window = new FeedSessions(sourceId, now);
            this.from = window.from.atZone(NL);
            this.until = window.until.atZone(NL);
            for (Component c : calendar.children) if (c.name.equals("VTIMEZONE")) defineZone(c);
            ZoneId calendarZone = zoneNamed(calendar.text("X-WR-TIMEZONE"));
            this.floating = calendarZone == null ? NL : calendarZone;
        }

        /** A zone the file defines itself, under a name no zone database knows: recognised by its offsets. */
        private void defineZone(Component tz) {
            String id = tz.text("TZID");
            if (id == null) return;
            String standard = null, daylight = null;
            for (Component part : tz.children) {
                String to = part.text("TZOFFSETTO");
                if (part.name.equals("STANDARD") && standard == null) standard = to;
                if (part.name.equals("DAYLIGHT") && daylight == null) daylight = to;
            }
            ZoneId byOffsets = "+0100".equals(standard) && "+0200".equals(daylight) ? NL
                    : "+0000".equals(standard) && "+0100".equals(daylight) ? ZoneId.of("Europe/London")
                    : "+0000".equals(standard) && daylight == null ? ZoneOffset.UTC : null;
            if (byOffsets != null) fileZones.put(id.toLowerCase(Locale.ROOT), byOffsets);
        }

        FeedContent read() {
            Map<String, Component> masters = new LinkedHashMap<>();
            Map<String, List<Component>> overrides = new LinkedHashMap<>();
            int index = -1;
            for (Component c : calendar.children) {
                if (!c.name.equals("VEVENT")) continue;
                index++;
                String uid = c.text("UID");
                if (broken.containsKey(index)) {
                    problems.add(new Problem(uid == null ? "?" : uid, c.line, broken.get(index) + " De activiteit is niet ingelezen."));
                    continue;
                }
                if (uid == null || uid.isEmpty() || uid.length() > 200) {
                    problems.add(new Problem("?", c.line, "De activiteit heeft geen UID (of een van meer dan 200 tekens): niet ingelezen."));
                    continue;
                }
                if (c.first("RECURRENCE-ID") != null) overrides.computeIfAbsent(uid, k -> new ArrayList<>()).add(c);
                else if (masters.putIfAbsent(uid, c) != null)
                    problems.add(new Problem(uid, c.line, "Een tweede activiteit met dezelfde UID en zonder RECURRENCE-ID: niet ingelezen."));
            }
            Set<String> uids = new java.util.LinkedHashSet<>(masters.keySet());
            uids.addAll(overrides.keySet());
            for (String uid : uids) {
                try {
                    offer(uid, masters.get(uid), overrides.getOrDefault(uid, List.of()));
                } catch (Unreadable e) {
                    problems.add(new Problem(uid, e.line, e.getMessage()));
                }
            }
            return new FeedContent(window.locations(), offers, problems);
        }

        private void offer(String uid, Component master, List<Component> moved) {
            Component about = master != null ? master : moved.get(0);
            String klass = about.text("CLASS");
            if (klass != null && (klass.equalsIgnoreCase("PRIVATE") || klass.equalsIgnoreCase("CONFIDENTIAL")))
                throw new Unreadable(about.line, "De activiteit is privé (CLASS:" + klass.toUpperCase(Locale.ROOT) + "): niet geïmporteerd.");
            String title = about.text("SUMMARY");
            if (title == null || title.isEmpty()) throw new Unreadable(about.line, "De activiteit heeft geen titel (SUMMARY): niet ingelezen.");
            if (master != null && "CANCELLED".equalsIgnoreCase(master.text("STATUS"))) title = FeedText.withoutCalledOff(title);

            TreeMap<LocalDateTime, Instance> dates = new TreeMap<>();
            Map<Instant, LocalDateTime> byRecurrenceId = new HashMap<>();
            if (master != null) {
                boolean cancelled = "CANCELLED".equalsIgnoreCase(master.text("STATUS"));
                ZonedDateTime start = dateTime(master, "DTSTART", true);
                Duration length = length(master, start);
                String place = master.text("LOCATION");
                Set<Instant> excluded = new HashSet<>();
                Set<LocalDate> excludedDays = new HashSet<>();
                for (Prop ex : master.all("EXDATE")) {
                    for (String v : ex.value.split(",")) {
                        ZonedDateTime at = parseDateTime(v.strip(), ex.param("TZID"), master.line, "EXDATE");
                        if (at == null) excludedDays.add(parseDate(v.strip()));
                        else excluded.add(at.toInstant());
                    }
                }
                for (ZonedDateTime at : occurrences(master, start)) {
                    if (excluded.contains(at.toInstant()) || excludedDays.contains(at.toLocalDate())) continue;
                    LocalDateTime local = at.withZoneSameInstant(NL).toLocalDateTime();
                    dates.put(local, new Instance(local, local.plus(length), place, cancelled));
                    byRecurrenceId.put(at.toInstant(), local);
                }
            }
            for (Component m : moved) {
                Prop rid = m.first("RECURRENCE-ID");
                ZonedDateTime original = parseDateTime(rid.value.strip(), rid.param("TZID"), m.line, "RECURRENCE-ID");
                LocalDateTime was = original == null ? null : byRecurrenceId.get(original.toInstant());
                if (was != null) dates.remove(was);
                ZonedDateTime start = dateTime(m, "DTSTART", true);
                if (start.isBefore(from) || !start.isBefore(until)) continue;
                LocalDateTime local = start.withZoneSameInstant(NL).toLocalDateTime();
                String place = m.text("LOCATION") != null ? m.text("LOCATION") : master == null ? null : master.text("LOCATION");
                boolean cancelled = "CANCELLED".equalsIgnoreCase(m.text("STATUS"))
                        || master != null && "CANCELLED".equalsIgnoreCase(master.text("STATUS"));
                dates.put(local, new Instance(local, local.plus(length(m, start)), place, cancelled));
            }
            if (dates.isEmpty()) return; // over, or not yet within the horizon: not on offer now

            List<FeedSessions.Dated> found = new ArrayList<>();
            for (Instance i : dates.values()) {
                if (found.size() == OfferService.MAX_SESSIONS) break; // the first ones; later ones come into view on later nights
                found.add(new FeedSessions.Dated(i.start, i.end, place(i.place, about), i.cancelled));
            }
            List<OfferInput.SessionInput> sessions = window.sessions(found);
            boolean allOnline = window.allOnline(found);
            List<String> words = new ArrayList<>();
            for (Prop p : about.all("CATEGORIES")) for (String w : splitText(p.value)) words.add(w);
            Categories.Mapped mapped = categories.map(words);
            String url = about.text("URL");
            OfferInput input = new OfferInput(null, title, null, FeedText.plain(about.text("DESCRIPTION")), mapped.kind().name(), mapped.line().name(),
                    mapped.themes(), mapped.targetGroups(), allOnline ? DeliveryFormat.ONLINE.name() : null, null, null,
                    url != null && url.matches("(?i)https?://\\S+") ? url : null, null, sessions, null, null, null, List.of());
            offers.add(new FeedOffer(uid, about.line, input));
        }

        /** DTSTART itself and what RRULE and RDATE add, within the horizon. */
        private List<ZonedDateTime> occurrences(Component event, ZonedDateTime start) {
            Set<ZonedDateTime> out = new java.util.TreeSet<>();
            if (!start.isBefore(from) && start.isBefore(until)) out.add(start);
            Prop rule = event.first("RRULE");
            if (rule != null) {
                Recur<ZonedDateTime> recur;
                try {
                    recur = new Recur<>(rule.value.strip());
                } catch (RuntimeException e) {
                    throw new Unreadable(event.line, "De RRULE is niet te lezen: niet ingelezen.");
                }
                Frequency f = recur.getFrequency();
                if (f == Frequency.SECONDLY || f == Frequency.MINUTELY || f == Frequency.HOURLY
                        || recur.getHourList().size() + recur.getMinuteList().size() + recur.getSecondList().size() > MAX_TIMES_A_DAY)
                    throw new Unreadable(event.line, "De RRULE herhaalt vaker dan dagelijks: niet ingelezen.");
                try {
                    out.addAll(recur.getDates(start, from, until, MAX_EXPANDED));
                } catch (RuntimeException e) {
                    throw new Unreadable(event.line, "De RRULE kan niet worden uitgerekend: niet ingelezen.");
                }
            }
            for (Prop rdate : event.all("RDATE")) {
                for (String v : rdate.value.split(",")) {
                    String at = v.contains("/") ? v.substring(0, v.indexOf('/')) : v; // VALUE=PERIOD: its start
                    ZonedDateTime extra = parseDateTime(at.strip(), rdate.param("TZID"), event.line, "RDATE");
                    if (extra != null && !extra.isBefore(from) && extra.isBefore(until)) out.add(extra);
                }
            }
            return new ArrayList<>(out);
        }

        /** DTEND − DTSTART in Dutch wall-clock time (a two-hour event stays two hours across a clock change), or DURATION. */
        private Duration length(Component event, ZonedDateTime start) {
            if (event.first("DTEND") != null) {
                ZonedDateTime end = dateTime(event, "DTEND", false);
                return Duration.between(start.withZoneSameInstant(NL).toLocalDateTime(), end.withZoneSameInstant(NL).toLocalDateTime());
            }
            String duration = event.text("DURATION");
            if (duration != null) {
                try {
                    return Duration.parse(duration.toUpperCase(Locale.ROOT).replaceFirst("^\\+", ""));
                } catch (DateTimeParseException e) {
                    throw new Unreadable(event.line, "De DURATION is niet te lezen: niet ingelezen.");
                }
            }
            throw new Unreadable(event.line, "De activiteit heeft geen einde (DTEND of DURATION): niet ingelezen.");
        }

        private ZonedDateTime dateTime(Component event, String prop, boolean required) {
            Prop p = event.first(prop);
            if (p == null) throw new Unreadable(event.line, "De activiteit heeft geen " + prop + ": niet ingelezen.");
            ZonedDateTime at = parseDateTime(p.value.strip(), p.param("TZID"), event.line, prop);
            if (at == null) throw new Unreadable(event.line, "Een activiteit van hele dagen heeft geen tijden (" + prop + " is een datum): niet ingelezen.");
            return at;
        }

        /** A DATE-TIME value in its zone; null for a DATE value (a whole day). */
        private ZonedDateTime parseDateTime(String value, String tzid, int line, String prop) {
            if (value.matches("\\d{8}")) {
                parseDate(value);
                return null;
            }
            Matcher m = Pattern.compile("(\\d{8})T(\\d{4}|\\d{6})(Z?)").matcher(value.toUpperCase(Locale.ROOT));
            if (!m.matches()) throw new Unreadable(line, "De " + prop + " is geen datum met tijd: niet ingelezen.");
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(m.group(1) + "T" + (m.group(2).length() == 4 ? m.group(2) + "00" : m.group(2)), BASIC);
            } catch (DateTimeParseException e) {
                throw new Unreadable(line, "De " + prop + " is geen datum met tijd: niet ingelezen.");
            }
            if (!m.group(3).isEmpty()) return local.atZone(ZoneOffset.UTC);
            if (tzid == null) return local.atZone(floating);
            ZoneId zone = zoneNamed(tzid);
            if (zone == null) throw new Unreadable(line, "De " + prop + " staat in een tijdzone die we niet kennen: niet ingelezen.");
            return local.atZone(zone);
        }

        private static LocalDate parseDate(String value) {
            try {
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                return LocalDate.MIN; // excludes nothing
            }
        }

        /** An IANA name, a Windows name, a zone the file defines, or an IANA name at the end of a path (old Lightning exports). */
        private ZoneId zoneNamed(String name) {
            if (name == null || name.isBlank()) return null;
            String n = stripQuotes(name).strip();
            try {
                return ZoneId.of(n);
            } catch (DateTimeException e) {
                // not an id java.time knows as such
            }
            ZoneId known = fileZones.get(n.toLowerCase(Locale.ROOT));
            if (WINDOWS_ZONES.containsKey(n.toLowerCase(Locale.ROOT))) return ZoneId.of(WINDOWS_ZONES.get(n.toLowerCase(Locale.ROOT)));
            if (known != null) return known;
            Matcher tail = Pattern.compile("([A-Za-z]+/[A-Za-z_]+)$").matcher(n);
            if (tail.find()) {
                try {
                    return ZoneId.of(tail.group(1));
                } catch (DateTimeException e) {
                    return null;
                }
            }
            return null;
        }

        /** LOCATION as programs write it: "Name, Street 1, 1234 AB City" or the same on separate lines. */
        private FeedLocation place(String text, Component event) {
            if (text == null || text.isBlank()) {
                String url = event.text("URL");
                String description = event.text("DESCRIPTION");
                if (Places.saysOnline(url) || Places.saysOnline(description)) return Places.ONLINE;
                throw new Unreadable(event.line, "De activiteit heeft geen plaats (LOCATION): niet ingelezen.");
            }
            try {
                return Places.fromText(text);
            } catch (IllegalArgumentException e) {
                throw new Unreadable(event.line, "De plaats (LOCATION) is langer dan " + Places.MAX_NAME + " tekens: niet ingelezen.");
            }
        }
    }

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** An event that cannot be imported, with the reason (never the feed's text). */
    private static final class Unreadable extends RuntimeException {
        final int line;

        Unreadable(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    /** TEXT unescaping (RFC 5545 3.3.11). */
    static String unescape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                b.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A TEXT list (CATEGORIES): split on commas that are not escaped. */
    static List<String> splitText(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == ',') {
                out.add(unescape(current.toString()).strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(unescape(current.toString()).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    private static String stripQuotes(String v) {
        if (v == null) return null;
        String s = v.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
