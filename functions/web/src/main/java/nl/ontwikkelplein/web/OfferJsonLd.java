package nl.ontwikkelplein.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Session;

/**
 * schema.org EducationEvent per session of an offer, for search engines (JSON-LD); an offer that
 * runs in a period has one, from its first to its last day (dates without times, as schema.org allows).
 */
final class OfferJsonLd {
    private static final String SCHEMA = "https://schema.org/";

    private OfferJsonLd() {}

    static String of(Offer offer, List<Session> sessions, Map<String, Location> locations, Organisation organisation) {
        return of(offer, sessions, locations, organisation, null);
    }

    /** @param baseUrl the site's public address: search engines want absolute URLs; null keeps them site-relative */
    static String of(Offer offer, List<Session> sessions, Map<String, Location> locations, Organisation organisation, String baseUrl) {
        String page = (baseUrl == null ? "" : baseUrl) + Pages.offerPath(offer.id());
        List<Object> events = new ArrayList<>();
        for (Session s : sessions) events.add(event(offer, s, locations.get(s.locationId()), organisation, page));
        if (offer.period() != null) {
            Offer.Period p = offer.period();
            events.add(event(offer, "periode", p.start().toString(), p.end().toString(), offer.status() == nl.ontwikkelplein.domain.OfferStatus.CANCELLED,
                    p.locationId() == null ? null : locations.get(p.locationId()), organisation, page, null));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", events);
        return Json.write(root);
    }

    private static Map<String, Object> event(Offer offer, Session s, Location location, Organisation organisation, String page) {
        return event(offer, s.id(), DutchFormat.isoWithOffset(s.start()), DutchFormat.isoWithOffset(s.end()), s.isCancelled(), location, organisation, page, s);
    }

    /** @param s the session, or null for a period (no seats or enrolment here) */
    private static Map<String, Object> event(Offer offer, String anchor, String start, String end, boolean cancelled, Location location,
                                             Organisation organisation, String page, Session s) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("@type", "EducationEvent");
        e.put("@id", page + "#" + anchor);
        e.put("name", offer.title());
        e.put("description", blankToNull(offer.summary()));
        e.put("url", page);
        e.put("startDate", start);
        e.put("endDate", end);
        // BCP 47 tags; ISO 639 codes are valid ones.
        e.put("inLanguage", offer.languages().size() == 1 ? offer.languages().get(0) : offer.languages());
        e.put("eventStatus", SCHEMA + (cancelled ? "EventCancelled" : "EventScheduled"));
        e.put("eventAttendanceMode", SCHEMA + attendanceMode(offer.format(), location));
        e.put("location", location(offer, location, page));
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("@type", "Offer");
        if (offer.price().isKnown()) {
            price.put("price", String.format(Locale.ROOT, "%d.%02d", offer.price().cents() / 100, offer.price().cents() % 100));
            price.put("priceCurrency", "EUR");
        }
        price.put("url", page);
        if (s != null && s.needsEnrolment()) price.put("availability", SCHEMA + (s.isFull() ? "SoldOut" : "InStock"));
        e.put("offers", price);
        if (organisation != null) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("@type", "Organization");
            org.put("name", organisation.name());
            org.put("url", Pages.safeUrl(organisation.website()));
            e.put("organizer", org);
        }
        if (s != null && s.seats() != null) e.put("maximumAttendeeCapacity", s.seats());
        if (offer.targetGroups() != null && !offer.targetGroups().isEmpty())
            e.put("audience", obj("@type", "Audience", "audienceType", String.join(", ", offer.targetGroups())));
        return e;
    }

    private static String attendanceMode(DeliveryFormat format, Location location) {
        if (location != null && location.kind() == Location.LocationKind.ONLINE) return "OnlineEventAttendanceMode";
        return switch (format) {
            case ONLINE -> "OnlineEventAttendanceMode";
            case BLENDED -> "MixedEventAttendanceMode";
            case IN_PERSON -> "OfflineEventAttendanceMode";
        };
    }

    private static Object location(Offer offer, Location location, String page) {
        boolean online = offer.format() == DeliveryFormat.ONLINE
                || (location != null && location.kind() == Location.LocationKind.ONLINE);
        Map<String, Object> virtual = null;
        if (online || offer.format() == DeliveryFormat.BLENDED) {
            virtual = new LinkedHashMap<>();
            virtual.put("@type", "VirtualLocation");
            virtual.put("url", Pages.safeUrl(offer.moreInfoUrl()) == null ? page : Pages.safeUrl(offer.moreInfoUrl()));
        }
        if (online || location == null) return virtual;
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", location.name());
        Location.Address a = location.address();
        if (a != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            address.put("streetAddress", blankToNull(a.street()));
            address.put("postalCode", blankToNull(a.postcode()));
            address.put("addressLocality", blankToNull(a.city()));
            address.put("addressCountry", "NL");
            place.put("address", address);
        }
        if (location.latitude() != null && location.longitude() != null) {
            place.put("geo", obj("@type", "GeoCoordinates",
                    "latitude", location.latitude().toString(), "longitude", location.longitude().toString()));
        }
        return virtual == null ? place : List.of(place, virtual);
    }

    /** A JSON object with its keys in the given order (Map.of has none, and pages should be byte-stable). */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
