package nl.ontwikkelplein.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Languages;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;

/**
 * Reads offerings from an OOAPI v5 endpoint (the Dutch open education API): {@code /offerings},
 * {@code /organizations/{id}/offerings} or {@code /courses/{id}/offerings}, page by page
 * ({@code pageSize}, {@code pageNumber}, until {@code hasNextPage} is false), all pages under the
 * feed's one deadline and {@value #MAX_BYTES} bytes together.
 *
 * <p>Each course or program offering is an offer; component offerings (lessons, with
 * {@code startDateTime} and {@code endDateTime}) are its dates when they name it as their
 * {@code courseOffering}, and otherwise an offer of their own per component. Texts are
 * multilingual arrays ({@code [{"language": "nl-NL", "value": …}]}): Dutch first, then English,
 * then the first. A course offering with only a {@code startDate} and {@code endDate} (no times)
 * and no component offerings runs in that period: its page says so, and that the provider tells
 * the days and times.
 */
final class OoapiFeed {
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 200;
    static final int MAX_OFFERINGS = 20_000;
    static final int MAX_BYTES = 50 << 20;
    static final Duration MAX_LENGTH = Duration.ofHours(12);

    /** One page of the endpoint (a seam: the fetcher in production, files in tests). */
    interface Pages {
        byte[] get(URI url) throws IOException;
    }

    private OoapiFeed() { }

    /**
     * @throws IOException when the first page cannot be fetched (then the feed failed); a later page
     *                     that fails leaves a problem, and nothing is withdrawn
     */
    static FeedContent read(String sourceId, URI endpoint, Pages pages, Instant now) throws IOException {
        return read(sourceId, endpoint, pages, now, Categories.DEFAULT);
    }

    /** @param categories the feed's own category mapping, tried before our words */
    static FeedContent read(String sourceId, URI endpoint, Pages pages, Instant now, Categories categories) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) {
                problems.add(new Problem("", page, "De koppeling heeft meer dan " + MAX_PAGES + " pagina's van " + PAGE_SIZE + "; de rest is niet gelezen."));
                break;
            }
            byte[] body;
            try {
                body = pages.get(page(endpoint, page));
            } catch (IOException e) {
                if (page == 1) throw e;
                problems.add(new Problem("", page, "Pagina " + page + " kon niet worden opgehaald (" + e.getMessage() + "); het aanbod op die en latere pagina's blijft zoals het was."));
                break;
            }
            JsonNode json;
            try {
                json = JsonFeeds.parse(JsonFeeds.utf8(body));
            } catch (JsonFeeds.Unreadable e) {
                problems.add(new Problem("", page, "Pagina " + page + " kan niet worden gelezen. " + e.getMessage()));
                break;
            }
            JsonNode list = json.isArray() ? json : json.get("items");
            if (list == null || !list.isArray()) {
                problems.add(new Problem("", page, "Pagina " + page + " heeft geen lijst met aanbod (items)."));
                break;
            }
            for (JsonNode item : list) {
                if (items.size() == MAX_OFFERINGS) {
                    problems.add(new Problem("", page, "De koppeling noemt meer dan " + MAX_OFFERINGS + " aanbiedingen; de rest is niet gelezen."));
                    break;
                }
                items.add(item);
            }
            if (items.size() == MAX_OFFERINGS || json.isArray() || !json.path("hasNextPage").asBoolean(false) || list.isEmpty()) break;
        }
        return new Reader(sourceId, now, problems, categories).read(items);
    }

    /** The endpoint with pageSize and pageNumber set (other parameters, such as a consumer or expand, kept). */
    static URI page(URI endpoint, int page) {
        StringBuilder query = new StringBuilder();
        if (endpoint.getRawQuery() != null) {
            for (String pair : endpoint.getRawQuery().split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (pair.isEmpty() || name.equals("pageSize") || name.equals("pageNumber")) continue;
                query.append(pair).append('&');
            }
        }
        query.append("pageSize=").append(PAGE_SIZE).append("&pageNumber=").append(page);
        String base = endpoint.toString();
        int cut = base.indexOf('?');
        if (cut < 0) cut = base.indexOf('#');
        return URI.create((cut < 0 ? base : base.substring(0, cut)) + "?" + query);
    }

    /** Why an offering is left out; never its text. */
    private static final class Skip extends RuntimeException {
        Skip(String reason) { super(reason, null, false, false); }
    }

    private static final class Reader {
        final String sourceId;
        final FeedSessions dates;
        final List<Problem> problems;
        final List<FeedOffer> offers = new ArrayList<>();
        final Categories categories;

        Reader(String sourceId, Instant now, List<Problem> problems, Categories categories) {
            this.categories = categories;
            this.sourceId = sourceId;
            this.dates = new FeedSessions(sourceId, now);
            this.problems = problems;
        }

        FeedContent read(List<JsonNode> items) {
            Map<String, JsonNode> parents = new LinkedHashMap<>();    // course and program offerings by id
            Map<String, Integer> positions = new LinkedHashMap<>();
            Map<String, List<JsonNode>> lessons = new LinkedHashMap<>(); // component offerings by the offer they belong to
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String id = item.isObject() ? JsonFeeds.text(item.get("offeringId")) : null;
                if (id == null || id.isBlank() || id.length() > 200) {
                    problems.add(new Problem("?", i + 1, "Aanbieding " + (i + 1) + " heeft geen offeringId (of een van meer dan 200 tekens): niet ingelezen."));
                    continue;
                }
                String type = JsonFeeds.text(item.get("offeringType"));
                if (type == null) type = item.has("startDateTime") ? "component" : "course";
                switch (type.strip().toLowerCase(Locale.ROOT)) {
                    case "course", "program", "programme" -> {
                        if (parents.putIfAbsent(id, item) != null) problems.add(new Problem(id, i + 1, "Een tweede aanbieding met dezelfde offeringId: niet ingelezen."));
                        else positions.put(id, i + 1);
                    }
                    case "component" -> {
                        String parent = idOf(item.get("courseOffering"), "offeringId");
                        String key = parent != null ? parent : "component:" + (idOf(item.get("component"), "componentId") != null ? idOf(item.get("component"), "componentId") : id);
                        lessons.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
                        positions.putIfAbsent(key, i + 1);
                    }
                    default -> problems.add(new Problem(id, i + 1, "Het offeringType is niet course, program of component: niet ingelezen."));
                }
            }
            for (Map.Entry<String, JsonNode> p : parents.entrySet()) {
                try {
                    offer(p.getKey(), p.getValue(), lessons.remove(p.getKey()), positions.get(p.getKey()));
                } catch (Skip e) {
                    problems.add(new Problem(p.getKey(), positions.get(p.getKey()), e.getMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(p.getKey(), positions.get(p.getKey()), e.getMessage() + ": niet ingelezen."));
                }
            }
            // Component offerings whose course offering is not in this feed: one offer per component.
            for (Map.Entry<String, List<JsonNode>> l : lessons.entrySet()) {
                String key = l.getKey().startsWith("component:") ? l.getKey() : "component:" + l.getKey();
                try {
                    offer(key, l.getValue().get(0), l.getValue(), positions.get(l.getKey()));
                } catch (Skip e) {
                    problems.add(new Problem(key, positions.get(l.getKey()), e.getMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(key, positions.get(l.getKey()), e.getMessage() + ": niet ingelezen."));
                }
            }
            return new FeedContent(dates.locations(), offers, problems);
        }

        private void offer(String id, JsonNode offering, List<JsonNode> components, int position) {
            JsonNode course = expanded(offering.get("course"));
            if (course == null) course = expanded(offering.get("program"));
            if (course == null) course = expanded(offering.get("component"));
            String title = FeedText.line(text(offering.get("name")), 120);
            if (title == null && course != null) title = FeedText.line(text(course.get("name")), 120);
            if (title == null) throw new Skip("Het heeft geen naam: niet ingelezen.");
            String description = FeedText.plain(text(offering.get("description")));
            if (description == null && course != null) description = FeedText.plain(text(course.get("description")));

            FeedLocation place = place(offering, course);
            List<FeedSessions.Dated> found = new ArrayList<>();
            List<JsonNode> timed = components == null || components.isEmpty() ? List.of(offering) : components;
            OfferInput.PeriodInput period = null;
            for (JsonNode c : timed) {
                LocalDateTime start = JsonFeeds.moment(JsonFeeds.text(c.get("startDateTime")));
                LocalDateTime end = JsonFeeds.moment(JsonFeeds.text(c.get("endDateTime")));
                if ((start == null || end == null) && c == offering) {
                    period = period(offering, place); // a course offering with days, its times at the provider
                    if (period == null) return; // over, or not yet within the horizon: not on offer now
                    break;
                }
                if (start == null || end == null) throw new Skip("Een component offering ervan heeft geen startDateTime en endDateTime: niet ingelezen.");
                if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_LENGTH) > 0)
                    throw new Skip("Een datum ervan eindigt voor het begin, of duurt langer dan 12 uur: niet ingelezen.");
                FeedLocation where = c == offering ? place : place(c, expanded(c.get("component")));
                if (where == null) where = place;
                if (where == null) throw new Skip("Het heeft geen adres en is niet online (modeOfDelivery): niet ingelezen.");
                found.add(new FeedSessions.Dated(start, end, where, cancelled(c) || cancelled(offering)));
            }
            List<OfferInput.SessionInput> sessions = dates.sessions(found);
            if (sessions.isEmpty() && period == null) return; // over, or not yet within the horizon: not on offer now
            boolean online = period != null ? place == Places.ONLINE : dates.allOnline(found);

            List<String> words = new ArrayList<>();
            if (course != null) {
                for (JsonNode f : JsonFeeds.many(course.get("fieldsOfStudy"))) if (JsonFeeds.text(f) != null) words.add(JsonFeeds.text(f));
                for (JsonNode t : JsonFeeds.many(course.get("themes"))) if (text(t) != null) words.add(text(t));
            }
            words.add("Cursus"); // an education provider's offering is a course unless the partner's words say otherwise
            Categories.Mapped mapped = categories.map(words);
            String url = JsonFeeds.text(offering.get("link"));
            if ((url == null || !url.matches("(?i)https?://\\S{1,490}")) && course != null) url = JsonFeeds.text(course.get("link"));
            if (url != null && !url.matches("(?i)https?://\\S{1,490}")) url = null;
            List<String> languages = new ArrayList<>();
            for (JsonNode source : course == null ? List.of(offering) : List.of(offering, course)) {
                String code = Languages.code(JsonFeeds.text(source.get("teachingLanguage")));
                if (code != null && !languages.contains(code)) languages.add(code);
                if (!languages.isEmpty()) break;
            }
            JsonNode organisation = expanded(offering.get("organization"));
            if (organisation == null && course != null) organisation = expanded(course.get("organization"));
            String provider = organisation == null ? null : FeedText.line(text(organisation.get("name")), 120);

            OfferInput input = new OfferInput(null, title, null, description, mapped.kind().name(), mapped.line().name(),
                    mapped.themes(), mapped.targetGroups(), online ? DeliveryFormat.ONLINE.name() : null,
                    // A period has no dates to call off: the offering itself is (its page says so, and it leaves the lists).
                    price(offering.get("priceInformation")), provider, url, null, sessions, period != null && cancelled(offering) ? "CANCELLED" : null,
                    null, null, languages, period);
            offers.add(new FeedOffer(id, position, input));
        }

        /** The days a course offering runs (startDate to endDate), or null when that is over or not yet in view. */
        private OfferInput.PeriodInput period(JsonNode offering, FeedLocation place) {
            java.time.LocalDate start = JsonFeeds.day(JsonFeeds.text(offering.get("startDate")));
            java.time.LocalDate end = JsonFeeds.day(JsonFeeds.text(offering.get("endDate")));
            if (start == null || end == null)
                throw new Skip("Het heeft geen startDateTime en endDateTime, en ook geen startDate en endDate (zoals 2027-09-06): niet ingelezen.");
            if (place == null) throw new Skip("Het heeft geen adres en is niet online (modeOfDelivery): niet ingelezen.");
            return dates.period(start, end, place);
        }

        /** Online when its mode of delivery is only online; else its (or its course's) teaching or visiting address. */
        private FeedLocation place(JsonNode offering, JsonNode course) {
            List<String> modes = new ArrayList<>();
            for (JsonNode m : JsonFeeds.many(offering.get("modeOfDelivery"))) if (JsonFeeds.text(m) != null) modes.add(JsonFeeds.text(m).strip().toLowerCase(Locale.ROOT));
            if (modes.isEmpty() && course != null)
                for (JsonNode m : JsonFeeds.many(course.get("modeOfDelivery"))) if (JsonFeeds.text(m) != null) modes.add(JsonFeeds.text(m).strip().toLowerCase(Locale.ROOT));
            FeedLocation address = address(offering.get("addresses"));
            if (address == null) address = address(offering.get("address"));
            if (address == null && course != null) address = address(course.get("addresses"));
            if (address != null && !modes.stream().allMatch(m -> m.equals("online") || m.equals("distance-learning"))) return address;
            if (!modes.isEmpty() && modes.stream().allMatch(m -> m.equals("online") || m.equals("distance-learning"))) return Places.ONLINE;
            return address;
        }

        private static FeedLocation address(JsonNode node) {
            JsonNode best = null;
            for (JsonNode a : JsonFeeds.many(node)) {
                if (!a.isObject()) continue;
                String type = JsonFeeds.text(a.get("addressType"));
                if (best == null || "teaching".equalsIgnoreCase(type) || "visit".equalsIgnoreCase(type) && !"teaching".equalsIgnoreCase(JsonFeeds.text(best.get("addressType"))))
                    best = a;
            }
            if (best == null) return null;
            String street = JsonFeeds.text(best.get("street"));
            String number = JsonFeeds.text(best.get("streetNumber"));
            if (street != null && number != null) street = street.strip() + " " + number.strip();
            // "additional" is a note to the address ("1e verdieping, lift aanwezig"), not a name: the place is named by street and town.
            return Places.of(null, street, JsonFeeds.text(best.get("postalCode")), JsonFeeds.text(best.get("city")));
        }

        /** The total in euros when it is given; else the lowest amount in euros. */
        private static Long price(JsonNode info) {
            Long total = null, lowest = null;
            for (JsonNode p : JsonFeeds.many(info)) {
                if (!p.isObject()) continue;
                String currency = JsonFeeds.text(p.get("currency"));
                if (currency != null && !currency.strip().equalsIgnoreCase("EUR")) continue;
                Long cents = JsonFeeds.cents(p.get("amount"));
                if (cents == null) cents = JsonFeeds.cents(p.get("displayAmount"));
                if (cents == null) continue;
                if ("total costs".equalsIgnoreCase(JsonFeeds.text(p.get("costType")))) total = cents;
                if (lowest == null || cents < lowest) lowest = cents;
            }
            return total != null ? total : lowest;
        }

        private static boolean cancelled(JsonNode offering) {
            String state = JsonFeeds.text(offering.get("offeringState"));
            if (state == null) state = JsonFeeds.text(offering.get("status"));
            return state != null && state.strip().equalsIgnoreCase("cancelled");
        }
    }

    /** An expanded object, or null when the field holds only an id. */
    private static JsonNode expanded(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    /** The id of a field that holds an id or an expanded object with that id. */
    private static String idOf(JsonNode node, String idField) {
        if (node == null) return null;
        if (node.isTextual()) return node.asText().isBlank() ? null : node.asText().strip();
        return node.isObject() ? JsonFeeds.text(node.get(idField)) : null;
    }

    /** A multilingual text ([{language, value}]) in Dutch, else English, else the first; a plain string as it is. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return node.asText();
        if (!node.isArray()) return node.isObject() ? JsonFeeds.text(node.get("value")) : null;
        String english = null, first = null;
        for (JsonNode t : node) {
            if (!t.isObject()) continue;
            String lang = JsonFeeds.text(t.get("language"));
            String value = JsonFeeds.text(t.get("value"));
            if (value == null || value.isBlank()) continue;
            String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
            if (l.startsWith("nl")) return value;
            if (l.startsWith("en") && english == null) english = value;
            if (first == null) first = value;
        }
        return english != null ? english : first;
    }
}
