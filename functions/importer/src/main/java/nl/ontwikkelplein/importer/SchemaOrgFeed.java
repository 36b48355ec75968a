package nl.ontwikkelplein.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Languages;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;
import nl.ontwikkelplein.domain.Session;

/**
 * Reads schema.org data (JSON-LD) as partners publish it: a JSON document, or the
 * {@code <script type="application/ld+json">} blocks of their agenda's web pages. One offer per
 * Event (any kind: EducationEvent, SocialEvent, …) and per CourseInstance, also those of a Course
 * ({@code hasCourseInstance}), found at the top, in {@code @graph}, in an ItemList or in any other
 * node; {@code {"@id": …}} references are followed.
 *
 * <p>Dates come from {@code eventSchedule} or {@code courseSchedule} (a Schedule, expanded with
 * ical4j's recurrence rules over {@value FeedSessions#HORIZON_DAYS} days), from {@code subEvent}s,
 * or from {@code startDate} with {@code endDate} or {@code duration}. Something without a time of
 * day (a date only, or a period of weeks without a schedule) is left out with the reason: our
 * pages show times. {@code eventStatus} EventCancelled and EventPostponed call the dates off;
 * EventMovedOnline, VirtualLocation and OnlineEventAttendanceMode make them online.
 */
final class SchemaOrgFeed {
    static final int MAX_ITEMS = 5_000;
    static final int MAX_BLOCKS = 200;
    /** Dates one schedule may produce in the horizon before the first sessions are taken. */
    static final int MAX_EXPANDED = 1_000;
    static final Duration MAX_LENGTH = Duration.ofHours(12);

    private static final Pattern LD_JSON = Pattern.compile("(?i)\\btype\\s*=\\s*[\"']?\\s*application/ld\\+json");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*(windows-1252|iso-8859-1|iso-8859-15|latin-?1)");
    private static final Pattern ISO_PERIOD = Pattern.compile("(?i)P(\\d{1,3})([DWMY])");
    private static final Map<String, String> DAYS = Map.of("monday", "MO", "tuesday", "TU", "wednesday", "WE", "thursday", "TH",
            "friday", "FR", "saturday", "SA", "sunday", "SU");

    private SchemaOrgFeed() { }

    static FeedContent parse(String sourceId, byte[] bytes, Instant now) { return parse(sourceId, bytes, now, Categories.DEFAULT); }

    /** @param categories the feed's own category mapping, tried before our words */
    static FeedContent parse(String sourceId, byte[] bytes, Instant now, Categories categories) {
        String text;
        try {
            text = decode(bytes);
        } catch (JsonFeeds.Unreadable e) {
            return FeedContent.unreadable(e.getMessage());
        }
        List<Problem> problems = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            try {
                documents.add(JsonFeeds.parse(text));
            } catch (JsonFeeds.Unreadable e) {
                return FeedContent.unreadable(e.getMessage());
            }
        } else if (start.startsWith("<")) {
            List<String> blocks = scripts(text);
            if (blocks.isEmpty()) return FeedContent.unreadable("De pagina heeft geen schema.org-gegevens (geen script van het type application/ld+json).");
            for (int i = 0; i < blocks.size(); i++) {
                if (i == MAX_BLOCKS) {
                    problems.add(new Problem("", i + 1, "De pagina heeft meer dan " + MAX_BLOCKS + " blokken schema.org-gegevens; de rest is niet gelezen."));
                    break;
                }
                try {
                    documents.add(JsonFeeds.parse(blocks.get(i)));
                } catch (JsonFeeds.Unreadable e) {
                    // Part of the page cannot be read: what it held may still be on offer, so nothing is withdrawn.
                    problems.add(new Problem("", i + 1, "Blok " + (i + 1) + " met schema.org-gegevens op de pagina kan niet worden gelezen. " + e.getMessage()));
                }
            }
        } else {
            return FeedContent.unreadable("Het bestand is geen JSON en geen webpagina.");
        }
        return new Reader(sourceId, now, problems, categories).read(documents);
    }

    /** UTF-8, or for a web page that says so in its meta tag, Windows-1252 (old sites still are). */
    private static String decode(byte[] bytes) throws JsonFeeds.Unreadable {
        try {
            return JsonFeeds.utf8(bytes);
        } catch (JsonFeeds.Unreadable e) {
            String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
            if (META_CHARSET.matcher(head).find()) return new String(bytes, Charset.forName("windows-1252"));
            throw new JsonFeeds.Unreadable("Het bestand is geen UTF-8-tekst, en de pagina noemt geen andere tekenset.");
        }
    }

    /** The contents of the page's JSON-LD scripts, found in one pass (a regular expression could backtrack over a hostile page). */
    static List<String> scripts(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int at = 0;
        while ((at = lower.indexOf("<script", at)) >= 0) {
            int tagEnd = lower.indexOf('>', at);
            if (tagEnd < 0) break;
            int close = lower.indexOf("</script", tagEnd);
            if (close < 0) close = lower.length();
            if (LD_JSON.matcher(html.substring(at, tagEnd)).find()) {
                String body = html.substring(tagEnd + 1, close).strip();
                if (body.startsWith("<!--")) body = body.substring(4);
                if (body.endsWith("-->")) body = body.substring(0, body.length() - 3);
                if (body.startsWith("//<![CDATA[")) body = body.substring(11);
                if (body.endsWith("//]]>")) body = body.substring(0, body.length() - 5);
                out.add(body.strip());
            }
            at = close + 1;
        }
        return out;
    }

    // ------------------------------------------------------------------ nodes to offers

    /** A node that is an offer, and the Course it is an instance of (or null). */
    private record Found(JsonNode node, JsonNode course, int position) {}

    /** Why a node is left out; never its text. */
    private static final class Skip extends RuntimeException {
        Skip(String reason) { super(reason, null, false, false); }
    }

    private static final class Reader {
        final String sourceId;
        final FeedSessions dates;
        final List<Problem> problems;
        final Map<String, JsonNode> byId = new HashMap<>();
        final Map<String, JsonNode> taken = new HashMap<>();
        final List<FeedOffer> offers = new ArrayList<>();
        final List<Found> found = new ArrayList<>();
        final Set<JsonNode> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final Categories categories;

        Reader(String sourceId, Instant now, List<Problem> problems, Categories categories) {
            this.categories = categories;
            this.sourceId = sourceId;
            this.dates = new FeedSessions(sourceId, now);
            this.problems = problems;
        }

        FeedContent read(List<JsonNode> documents) {
            for (JsonNode d : documents) index(d);
            for (JsonNode d : documents) collect(d, null);
            for (Found f : found) {
                String id = null;
                try {
                    id = externalId(f);
                    JsonNode before = taken.putIfAbsent(id, f.node);
                    if (before != null) {
                        if (!before.equals(f.node)) problems.add(new Problem(id, f.position, "Een tweede onderdeel met dezelfde @id: niet ingelezen."));
                        continue;
                    }
                    offer(id, f);
                } catch (Skip e) {
                    problems.add(new Problem(id == null ? "?" : id, f.position, e.getMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(id == null ? "?" : id, f.position, e.getMessage() + ": niet ingelezen."));
                }
            }
            return new FeedContent(dates.locations(), offers, problems);
        }

        private void index(JsonNode node) {
            if (node.isArray()) { node.forEach(this::index); return; }
            if (!node.isObject()) return;
            String id = JsonFeeds.text(node.get("@id"));
            if (id != null && node.size() > 1) byId.putIfAbsent(id, node);
            node.forEach(this::index);
        }

        /** {"@id": …} alone stands for the node with that id elsewhere in the feed. */
        private JsonNode resolve(JsonNode node) {
            if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
                JsonNode target = byId.get(JsonFeeds.text(node.get("@id")));
                return target == null ? node : target;
            }
            return node;
        }

        private void collect(JsonNode raw, JsonNode course) {
            JsonNode node = resolve(raw);
            if (node == null || !visited.add(node)) return;
            if (node.isArray()) { node.forEach(n -> collect(n, course)); return; }
            if (!node.isObject()) return;
            Set<String> types = types(node);
            if (types.contains("Course")) {
                List<JsonNode> instances = JsonFeeds.many(node.get("hasCourseInstance"));
                if (instances.isEmpty()) {
                    add(new Found(node, null, found.size() + 1)); // reported: a course without instances has no dates
                    return;
                }
                for (JsonNode i : instances) {
                    JsonNode instance = resolve(i);
                    if (instance.isObject() && visited.add(instance)) add(new Found(instance, node, found.size() + 1));
                }
                return;
            }
            if (isEvent(types)) {
                add(new Found(node, course, found.size() + 1));
                return; // its subEvents are its dates
            }
            node.forEach(child -> collect(child, course));
        }

        private void add(Found f) {
            if (found.size() == MAX_ITEMS) {
                if (problems.stream().noneMatch(p -> p.externalId().isEmpty() && p.line() == MAX_ITEMS + 1))
                    problems.add(new Problem("", MAX_ITEMS + 1, "Het bestand heeft meer dan " + MAX_ITEMS + " activiteiten; de rest is niet gelezen."));
                return;
            }
            found.add(f);
        }

        private String externalId(Found f) {
            String id = JsonFeeds.text(f.node.get("@id"));
            if (id == null) id = identifier(f.node.get("identifier"));
            if (id == null) id = JsonFeeds.text(f.node.get("url"));
            if (id == null && f.course != null) {
                String course = JsonFeeds.text(f.course.get("@id"));
                if (course == null) course = JsonFeeds.text(f.course.get("url"));
                if (course == null) course = JsonFeeds.text(f.course.get("name"));
                id = course == null ? null : course + "#" + JsonFeeds.text(f.node.get("startDate"));
            }
            if (id == null) {
                String name = JsonFeeds.text(f.node.get("name")), start = JsonFeeds.text(f.node.get("startDate"));
                if (name == null || start == null) throw new Skip("Onderdeel " + f.position + " heeft geen @id, identifier of url, en geen name met een startDate: niet ingelezen.");
                id = name.strip() + "@" + start.strip(); // stable as long as the event is not moved
            }
            id = id.strip();
            return id.length() <= 200 ? id : "sha256:" + sha256(id);
        }

        private void offer(String id, Found f) {
            JsonNode node = f.node, course = f.course;
            Set<String> types = types(node);
            if (types.contains("Course")) throw new Skip("Een Course zonder hasCourseInstance heeft geen data: niet ingelezen.");
            String title = FeedText.line(language(node.get("name")), 120);
            if (title == null && course != null) title = FeedText.line(language(course.get("name")), 120);
            if (title == null) throw new Skip("Het heeft geen naam (name): niet ingelezen.");
            String description = FeedText.plain(language(node.get("description")));
            if (description == null && course != null) description = FeedText.plain(language(course.get("description")));

            String status = last(JsonFeeds.text(node.get("eventStatus")));
            boolean cancelled = "EventCancelled".equalsIgnoreCase(status) || "EventPostponed".equalsIgnoreCase(status);
            if (cancelled) title = FeedText.withoutCalledOff(title);
            boolean online = "EventMovedOnline".equalsIgnoreCase(status) || saysOnline(node);
            FeedLocation place = online ? Places.ONLINE : place(node.get("location"));
            if (place == null && course != null) place = place(course.get("location"));
            if (place == null && ("OnlineEventAttendanceMode".equals(last(JsonFeeds.text(node.get("eventAttendanceMode"))))))
                place = Places.ONLINE;

            List<FeedSessions.Dated> found = new ArrayList<>();
            List<JsonNode> schedules = new ArrayList<>(JsonFeeds.many(node.get("eventSchedule")));
            schedules.addAll(JsonFeeds.many(node.get("courseSchedule")));
            List<JsonNode> subEvents = JsonFeeds.many(node.get("subEvent"));
            OfferInput.PeriodInput period = null;
            if (schedules.isEmpty() && subEvents.isEmpty() && daysOnly(node)) {
                // Days without times (a CourseInstance from September to January, a fair on a Saturday): a period.
                LocalDate first = JsonFeeds.day(JsonFeeds.text(node.get("startDate")));
                String endText = JsonFeeds.text(node.get("endDate")); // null also for {}, [] or true: then one day, as daysOnly said
                LocalDate last = endText == null ? first : JsonFeeds.day(endText);
                period = dates.period(first, last, need(place));
                if (period == null) return; // over, or not yet within the horizon: not on offer now
            } else if (!schedules.isEmpty()) {
                for (JsonNode s : schedules) found.addAll(schedule(resolve(s), node, need(place), cancelled));
            } else if (!subEvents.isEmpty()) {
                for (JsonNode raw : subEvents) {
                    JsonNode sub = resolve(raw);
                    String subStatus = last(JsonFeeds.text(sub.get("eventStatus")));
                    FeedLocation subPlace = "EventMovedOnline".equalsIgnoreCase(subStatus) || saysOnline(sub) ? Places.ONLINE : place(sub.get("location"));
                    found.add(single(sub, need(subPlace != null ? subPlace : place),
                            cancelled || "EventCancelled".equalsIgnoreCase(subStatus) || "EventPostponed".equalsIgnoreCase(subStatus)));
                }
            } else {
                found.add(single(node, need(place), cancelled));
            }
            List<OfferInput.SessionInput> sessions = dates.sessions(found);
            if (sessions.isEmpty() && period == null) return; // over, or not yet within the horizon: not on offer now
            boolean allOnline = period != null ? place == Places.ONLINE : dates.allOnline(found);

            List<String> words = new ArrayList<>(words(node));
            if (course != null) words.addAll(words(course));
            if (types.contains("CourseInstance")) words.add("Cursus"); // after the feed's own words, which win
            Categories.Mapped mapped = categories.map(words);
            String provider = name(node.get("organizer"));
            if (provider == null) provider = name(node.get("provider"));
            if (provider == null && course != null) provider = name(course.get("provider"));
            String url = JsonFeeds.text(node.get("url"));
            if ((url == null || !url.matches("(?i)https?://\\S{1,490}")) && course != null) url = JsonFeeds.text(course.get("url"));
            if (url != null && !url.matches("(?i)https?://\\S{1,490}")) url = null;
            Long price = price(node.get("offers"), node.get("isAccessibleForFree"));
            if (price == null && course != null) price = price(course.get("offers"), course.get("isAccessibleForFree"));
            List<String> languages = languages(node.get("inLanguage"));
            if (languages.isEmpty() && course != null) languages = languages(course.get("inLanguage"));

            OfferInput input = new OfferInput(null, title, null, description, mapped.kind().name(), mapped.line().name(),
                    mapped.themes(), mapped.targetGroups(), allOnline ? DeliveryFormat.ONLINE.name() : null, price,
                    provider, url, null, sessions, period != null && cancelled ? "CANCELLED" : null, null, null, languages, period);
            offers.add(new FeedOffer(id, f.position, input));
        }

        /** A startDate that is a day without a time, and an endDate that is one too or none. */
        private static boolean daysOnly(JsonNode node) {
            String start = JsonFeeds.text(node.get("startDate")), end = JsonFeeds.text(node.get("endDate"));
            return start != null && start.strip().matches("\\d{4}-\\d{2}-\\d{2}") && JsonFeeds.day(start) != null
                    && (end == null || end.strip().matches("\\d{4}-\\d{2}-\\d{2}") && JsonFeeds.day(end) != null);
        }

        private static FeedLocation need(FeedLocation place) {
            if (place == null) throw new Skip("Het heeft geen plaats (location): niet ingelezen.");
            return place;
        }

        /** One date: startDate with endDate or duration, both with a time of day, within 12 hours. */
        private FeedSessions.Dated single(JsonNode node, FeedLocation place, boolean cancelled) {
            String startText = JsonFeeds.text(node.get("startDate"));
            if (startText == null) throw new Skip("Het heeft geen startDate: niet ingelezen.");
            LocalDateTime start = JsonFeeds.moment(startText);
            if (start == null) throw new Skip("De startDate heeft geen tijd (of is geen datum): niet ingelezen. Geef de tijd, of een schema (eventSchedule).");
            LocalDateTime end = JsonFeeds.moment(JsonFeeds.text(node.get("endDate")));
            if (end == null) {
                Duration length = duration(JsonFeeds.text(node.get("duration")));
                if (length == null) throw new Skip("Het heeft geen endDate met een tijd, en geen duration: niet ingelezen.");
                end = start.plus(length);
            }
            if (!end.isAfter(start)) throw new Skip("De endDate ligt niet na de startDate: niet ingelezen.");
            if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0)
                throw new Skip("Het loopt van de ene dag naar de andere (langer dan 12 uur) zonder schema (eventSchedule) of subEvents met tijden: niet ingelezen.");
            return new FeedSessions.Dated(start, end, place, cancelled);
        }

        /** A schema.org Schedule as a recurrence rule: repeatFrequency, byDay, byMonthDay, byMonth, repeatCount, exceptDate, start and end. */
        private List<FeedSessions.Dated> schedule(JsonNode s, JsonNode event, FeedLocation place, boolean cancelled) {
            StringBuilder rule = new StringBuilder();
            String frequency = JsonFeeds.text(s.get("repeatFrequency"));
            List<String> days = new ArrayList<>();
            for (JsonNode d : JsonFeeds.many(s.get("byDay"))) {
                String t = JsonFeeds.text(d);
                String day = t == null ? null : DAYS.get(last(t).toLowerCase(Locale.ROOT));
                if (day == null && t != null && t.strip().toUpperCase(Locale.ROOT).matches("(MO|TU|WE|TH|FR|SA|SU)")) day = t.strip().toUpperCase(Locale.ROOT);
                if (day == null) throw new Skip("Het schema noemt een dag (byDay) die we niet kunnen lezen: niet ingelezen.");
                if (!days.contains(day)) days.add(day);
            }
            rule.append("FREQ=").append(frequency(frequency, !days.isEmpty()));
            if (!days.isEmpty()) rule.append(";BYDAY=").append(String.join(",", days));
            rule.append(numbers(s.get("byMonthDay"), "BYMONTHDAY", 1, 31)).append(numbers(s.get("byMonth"), "BYMONTH", 1, 12));
            String count = JsonFeeds.text(s.get("repeatCount"));
            if (count != null) {
                if (!count.strip().matches("\\d{1,4}")) throw new Skip("De repeatCount van het schema is geen getal: niet ingelezen.");
                rule.append(";COUNT=").append(count.strip());
            }
            ZoneId zone = Session.ZONE;
            String tz = JsonFeeds.text(s.get("scheduleTimezone"));
            if (tz != null) {
                try {
                    zone = ZoneId.of(tz.strip());
                } catch (java.time.DateTimeException e) {
                    throw new Skip("Het schema staat in een tijdzone die we niet kennen (scheduleTimezone): niet ingelezen.");
                }
            }
            LocalDateTime eventStart = JsonFeeds.moment(JsonFeeds.text(event.get("startDate")));
            LocalTime startTime = time(JsonFeeds.text(s.get("startTime")));
            if (startTime == null) startTime = time(JsonFeeds.text(event.get("startTime")));
            if (startTime == null && eventStart != null) startTime = eventStart.toLocalTime();
            if (startTime == null) throw new Skip("Het schema heeft geen startTime: niet ingelezen.");
            LocalTime endTime = time(JsonFeeds.text(s.get("endTime")));
            Duration length = endTime != null ? Duration.between(startTime, endTime) : duration(JsonFeeds.text(s.get("duration")));
            if (length == null) length = duration(JsonFeeds.text(event.get("duration")));
            if (length == null) {
                LocalDateTime eventEnd = JsonFeeds.moment(JsonFeeds.text(event.get("endDate")));
                if (eventStart != null && eventEnd != null && Duration.between(eventStart, eventEnd).compareTo(MAX_LENGTH) <= 0)
                    length = Duration.between(eventStart, eventEnd);
            }
            if (length == null || length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0)
                throw new Skip("Het schema heeft geen endTime of duration (van hoogstens 12 uur): niet ingelezen.");
            LocalDate first = date(JsonFeeds.text(s.get("startDate")));
            if (first == null) first = date(JsonFeeds.text(event.get("startDate")));
            if (first == null) first = dates.from.toLocalDate();
            LocalDate last = date(JsonFeeds.text(s.get("endDate")));
            if (last == null && count == null) {
                LocalDate eventEnd = date(JsonFeeds.text(event.get("endDate")));
                if (eventEnd != null && eventEnd.isAfter(first)) last = eventEnd;
            }
            Set<LocalDate> except = new HashSet<>();
            for (JsonNode e : JsonFeeds.many(s.get("exceptDate"))) {
                LocalDate d = date(JsonFeeds.text(e));
                if (d != null) except.add(d);
            }
            ZonedDateTime seed = first.atTime(startTime).atZone(zone);
            ZonedDateTime periodStart = dates.from.atZone(Session.ZONE);
            ZonedDateTime periodEnd = dates.until.atZone(Session.ZONE);
            if (last != null && last.plusDays(1).atStartOfDay(zone).isBefore(periodEnd)) periodEnd = last.plusDays(1).atStartOfDay(zone);
            if (!periodEnd.isAfter(periodStart)) return List.of();
            List<ZonedDateTime> at;
            try {
                at = new Recur<ZonedDateTime>(rule.toString()).getDates(seed, periodStart, periodEnd, MAX_EXPANDED);
            } catch (RuntimeException e) {
                throw new Skip("Het schema kan niet worden uitgerekend: niet ingelezen.");
            }
            List<FeedSessions.Dated> out = new ArrayList<>();
            for (ZonedDateTime z : at) {
                LocalDateTime local = z.withZoneSameInstant(Session.ZONE).toLocalDateTime();
                if (except.contains(local.toLocalDate())) continue;
                out.add(new FeedSessions.Dated(local, local.plus(length), place, cancelled));
            }
            return out;
        }

        private static String frequency(String value, boolean hasDays) {
            if (value == null || value.isBlank()) {
                if (hasDays) return "WEEKLY";
                throw new Skip("Het schema heeft geen repeatFrequency: niet ingelezen.");
            }
            String v = value.strip().toLowerCase(Locale.ROOT);
            Matcher m = ISO_PERIOD.matcher(v);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n < 1) throw new Skip("De repeatFrequency van het schema is nul: niet ingelezen.");
                String unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "D" -> "DAILY";
                    case "W" -> "WEEKLY";
                    case "M" -> "MONTHLY";
                    default -> "YEARLY";
                };
                return unit + (n > 1 ? ";INTERVAL=" + n : "");
            }
            return switch (v) {
                case "daily", "dagelijks", "p1d" -> "DAILY";
                case "weekly", "wekelijks", "elke week" -> "WEEKLY";
                case "monthly", "maandelijks", "elke maand" -> "MONTHLY";
                default -> throw new Skip(v.startsWith("pt") ? "Het schema herhaalt vaker dan dagelijks: niet ingelezen."
                        : "De repeatFrequency van het schema is niet te lezen (gebruik P1W, P1D of P1M): niet ingelezen.");
            };
        }

        private static String numbers(JsonNode node, String name, int min, int max) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : JsonFeeds.many(node)) {
                String t = JsonFeeds.text(n);
                if (t == null || !t.strip().matches("\\d{1,2}") || Integer.parseInt(t.strip()) < min || Integer.parseInt(t.strip()) > max)
                    throw new Skip("De " + name.substring(2).toLowerCase(Locale.ROOT) + " van het schema is niet te lezen: niet ingelezen.");
                out.add(String.valueOf(Integer.parseInt(t.strip())));
            }
            return out.isEmpty() ? "" : ";" + name + "=" + String.join(",", out);
        }

        /** Location: a Place (name, address as text or PostalAddress), a VirtualLocation, a text; a place you can go to wins. */
        private FeedLocation place(JsonNode raw) {
            FeedLocation virtual = null;
            for (JsonNode each : JsonFeeds.many(raw)) {
                JsonNode loc = resolve(each);
                if (loc.isTextual()) {
                    if (!loc.asText().isBlank()) return Places.fromText(loc.asText());
                    continue;
                }
                if (!loc.isObject()) continue;
                if (types(loc).contains("VirtualLocation")) {
                    virtual = Places.ONLINE;
                    continue;
                }
                String name = FeedText.line(language(loc.get("name")), 500);
                JsonNode address = resolve(loc.get("address"));
                FeedLocation place;
                if (address != null && address.isTextual()) {
                    FeedLocation parsed = Places.fromText(address.asText());
                    place = name == null ? parsed : Places.of(name, parsed.address().street(), parsed.address().postcode(), parsed.address().city());
                } else if (address != null && address.isObject()) {
                    place = Places.of(name, JsonFeeds.text(address.get("streetAddress")), JsonFeeds.text(address.get("postalCode")),
                            JsonFeeds.text(address.get("addressLocality")));
                } else {
                    place = name == null ? null : Places.fromText(name);
                }
                if (place != null && place != Places.ONLINE) return place;
                if (place != null) virtual = place;
            }
            return virtual;
        }

        private static boolean saysOnline(JsonNode node) {
            String mode = last(JsonFeeds.text(node.get("courseMode")));
            return "OnlineEventAttendanceMode".equals(last(JsonFeeds.text(node.get("eventAttendanceMode"))))
                    && node.get("location") == null
                    || mode != null && (mode.equalsIgnoreCase("online") || mode.equalsIgnoreCase("OnlineEventAttendanceMode"));
        }

        /** The lowest price in euros among its offers; 0 when it says it is free. */
        private static Long price(JsonNode offers, JsonNode free) {
            if (free != null && (free.asBoolean(false) || "true".equalsIgnoreCase(JsonFeeds.text(free)))) return 0L;
            Long lowest = null;
            for (JsonNode o : JsonFeeds.many(offers)) {
                if (!o.isObject()) continue;
                String currency = JsonFeeds.text(o.get("priceCurrency"));
                if (currency != null && !currency.strip().equalsIgnoreCase("EUR")) continue;
                Long cents = JsonFeeds.cents(o.get("price"));
                if (cents == null) cents = JsonFeeds.cents(o.get("lowPrice"));
                if (cents == null && o.get("priceSpecification") != null)
                    for (JsonNode spec : JsonFeeds.many(o.get("priceSpecification"))) if (cents == null) cents = JsonFeeds.cents(spec.get("price"));
                if (cents != null && (lowest == null || cents < lowest)) lowest = cents;
            }
            return lowest;
        }

        private static List<String> languages(JsonNode node) {
            List<String> out = new ArrayList<>();
            for (JsonNode l : JsonFeeds.many(node)) {
                String named = l.isObject() ? JsonFeeds.text(l.get("alternateName")) : JsonFeeds.text(l);
                String code = Languages.code(named);
                if (code == null && l.isObject()) code = Languages.code(JsonFeeds.text(l.get("name")));
                if (code != null && !out.contains(code) && out.size() < Languages.MAX_PER_OFFER) out.add(code);
            }
            return out;
        }

        /** What the partner calls it: keywords (a list or comma-separated), about, audience, educationalLevel. */
        private static List<String> words(JsonNode node) {
            List<String> out = new ArrayList<>();
            for (JsonNode k : JsonFeeds.many(node.get("keywords"))) {
                String t = k.isObject() ? JsonFeeds.text(k.get("name")) : JsonFeeds.text(k);
                if (t != null) for (String w : t.split(",")) out.add(w.strip());
            }
            for (String field : List.of("about", "audience", "educationalLevel", "genre"))
                for (JsonNode a : JsonFeeds.many(node.get(field))) {
                    String t = a.isObject() ? JsonFeeds.text(a.has("audienceType") ? a.get("audienceType") : a.get("name")) : JsonFeeds.text(a);
                    if (t != null) out.add(t.strip());
                }
            return out.size() > 50 ? out.subList(0, 50) : out;
        }

        private String name(JsonNode raw) {
            for (JsonNode each : JsonFeeds.many(raw)) {
                JsonNode n = resolve(each);
                String name = n.isObject() ? language(n.get("name")) : JsonFeeds.text(n);
                if (name != null && !name.isBlank()) return FeedText.line(name, 120);
            }
            return null;
        }
    }

    /** A text that may be given per language ({"@language": "nl", "@value": …}): Dutch first, then the first one. */
    static String language(JsonNode node) {
        if (node == null) return null;
        if (node.isArray()) {
            for (JsonNode n : node) {
                String lang = n.isObject() ? JsonFeeds.text(n.get("@language")) : null;
                if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("nl")) return JsonFeeds.text(n.get("@value"));
            }
            for (JsonNode n : node) {
                String t = JsonFeeds.text(n);
                if (t != null) return t;
            }
            return null;
        }
        return JsonFeeds.text(node);
    }

    static Set<String> types(JsonNode node) {
        Set<String> out = new HashSet<>();
        for (JsonNode t : JsonFeeds.many(node.get("@type"))) {
            String s = JsonFeeds.text(t);
            if (s != null) out.add(last(s));
        }
        return out;
    }

    /** Event and its kinds (EducationEvent, SocialEvent, …), CourseInstance, Festival, Hackathon, EventSeries. */
    static boolean isEvent(Set<String> types) {
        for (String t : types)
            if (t.endsWith("Event") || t.equals("CourseInstance") || t.equals("Festival") || t.equals("Hackathon") || t.equals("EventSeries"))
                return true;
        return false;
    }

    /** "https://schema.org/EventCancelled", "schema:EventCancelled", "EventCancelled" → "EventCancelled". */
    static String last(String value) {
        if (value == null) return null;
        String v = value.strip();
        int cut = Math.max(v.lastIndexOf('/'), Math.max(v.lastIndexOf(':'), v.lastIndexOf('#')));
        return cut >= 0 ? v.substring(cut + 1) : v;
    }

    private static String identifier(JsonNode node) {
        for (JsonNode n : JsonFeeds.many(node)) {
            String t = n.isObject() ? JsonFeeds.text(n.get("value")) : JsonFeeds.text(n);
            if (t != null && !t.isBlank()) return t;
        }
        return null;
    }

    private static Duration duration(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            Duration d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "19:00", "19:00:00", "19.00", or the time of a date-time. */
    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip().replace('.', ':');
        Matcher m = Pattern.compile("(?:.*T)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?.*").matcher(v);
        if (!m.matches()) return null;
        int h = Integer.parseInt(m.group(1)), min = Integer.parseInt(m.group(2));
        return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
    }

    private static LocalDate date(String value) {
        if (value == null || value.strip().length() < 10) return null;
        try {
            return LocalDate.parse(value.strip().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
