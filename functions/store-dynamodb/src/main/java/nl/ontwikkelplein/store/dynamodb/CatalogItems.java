package nl.ontwikkelplein.store.dynamodb;

import static nl.ontwikkelplein.domain.Enums.name;
import static nl.ontwikkelplein.domain.Enums.valueOrNull;
import static nl.ontwikkelplein.store.dynamodb.Attr.num;
import static nl.ontwikkelplein.store.dynamodb.Attr.str;
import static nl.ontwikkelplein.store.dynamodb.Attr.strings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentPolicy;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps catalog records to items and back; the key design is in docs/dynamodb.md. */
final class CatalogItems {
    private CatalogItems() {}

    static final String PK = "pk", SK = "sk", GSI1 = "gsi1", GSI1PK = "gsi1pk", GSI1SK = "gsi1sk";
    /** Fixed width, so that index sort keys compare in time order as plain strings. */
    private static final DateTimeFormatter UTC_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    static String offerPk(String offerId) { return "OFFER#" + offerId; }

    static String sessionSk(String sessionId) { return "SESSION#" + sessionId; }

    static String agendaPk(LocalDateTime localStart) { return "AGENDA#" + MONTH.format(localStart); }

    static String utcKey(Instant instant) { return UTC_KEY.format(instant.truncatedTo(ChronoUnit.SECONDS)); }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
    }

    static Map<String, AttributeValue> organisation(Organisation o) {
        return new Attr.Item().put(PK, "ORG#" + o.id()).put(SK, "ORG").put(GSI1PK, "ORGS").put(GSI1SK, o.name())
                .put("type", "ORGANISATION").put("id", o.id()).put("name", o.name()).put("website", o.website()).build();
    }

    static Organisation toOrganisation(Map<String, AttributeValue> i) {
        return new Organisation(str(i, "id"), str(i, "name"), str(i, "website"));
    }

    static Map<String, AttributeValue> location(Location l) {
        Location.Address a = l.address() == null ? new Location.Address(null, null, null) : l.address();
        return new Attr.Item().put(PK, "LOC#" + l.id()).put(SK, "LOC").put(GSI1PK, "LOCS").put(GSI1SK, l.organisationId() + "#" + l.id())
                .put("type", "LOCATION").put("id", l.id()).put("organisationId", l.organisationId()).put("name", l.name())
                .put("kind", l.kind().name()).put("street", a.street()).put("postcode", a.postcode()).put("city", a.city())
                .put("latitude", l.latitude() == null ? null : Double.toString(l.latitude()))
                .put("longitude", l.longitude() == null ? null : Double.toString(l.longitude()))
                .put("accessibility", l.accessibility().stream().map(Enum::name).toList()).build();
    }

    static Location toLocation(Map<String, AttributeValue> i) {
        String lat = str(i, "latitude"), lon = str(i, "longitude");
        return new Location(str(i, "id"), str(i, "organisationId"), str(i, "name"), Location.LocationKind.valueOf(str(i, "kind")),
                new Location.Address(str(i, "street"), str(i, "postcode"), str(i, "city")),
                lat == null ? null : Double.valueOf(lat), lon == null ? null : Double.valueOf(lon),
                strings(i, "accessibility").stream().map(Location.Accessibility::valueOf).toList());
    }

    static Map<String, AttributeValue> offer(Offer o) {
        Attr.Item item = new Attr.Item().put(PK, offerPk(o.id())).put(SK, "OFFER")
                .put(GSI1PK, "ORG#" + o.organisationId() + "#OFFERS").put(GSI1SK, o.id())
                .put("type", "OFFER").put("id", o.id()).put("organisationId", o.organisationId()).put("title", o.title())
                .put("summary", o.summary()).put("description", o.description()).put("kind", name(o.kind()))
                .put("programmeLine", name(o.programmeLine())).put("themes", o.themes()).put("targetGroups", o.targetGroups())
                .put("format", o.format().name()).put("languages", o.languages()).put("priceCents", o.price().cents()).put("provider", o.provider())
                .put("moreInfoUrl", o.moreInfoUrl()).put("enrolmentScope", o.enrolmentScope().name())
                .put("updatedAt", o.updatedAt() == null ? null : o.updatedAt().toString())
                .put("status", o.status().name())
                .put("waitlistLimit", o.enrolmentPolicy().waitlistLimit() == null ? null : o.enrolmentPolicy().waitlistLimit().longValue())
                .put("intake", o.enrolmentPolicy().intake() ? (o.enrolmentPolicy().requestHoldsSeat() ? "WITH_SEAT" : "WITHOUT_SEAT") : null)
                // Where its dates are (or its period runs), so the staff list filters by place without reading every offer's sessions.
                .put("locationIds", o.locationIds().stream().sorted().toList());
        if (o.source() != null) {
            item.put("sourceId", o.source().sourceId()).put("externalId", o.source().externalId())
                    .put("contentHash", o.source().contentHash())
                    .put("takenOver", o.source().takenOver() ? "true" : null);
        }
        if (o.period() != null) {
            item.put("periodStart", o.period().start().toString()).put("periodEnd", o.period().end().toString())
                    .put("periodLocation", o.period().locationId());
        }
        return item.build();
    }

    static Offer toOffer(Map<String, AttributeValue> i, List<Session> sessions) {
        String sourceId = str(i, "sourceId");
        Offer.Source source = sourceId == null ? null : new Offer.Source(sourceId, str(i, "externalId"), str(i, "contentHash"), "true".equals(str(i, "takenOver")));
        String updatedAt = str(i, "updatedAt");
        return new Offer(str(i, "id"), str(i, "organisationId"), str(i, "title"), str(i, "summary"), str(i, "description"),
                valueOrNull(OfferKind.class, str(i, "kind")), valueOrNull(ProgrammeLine.class, str(i, "programmeLine")),
                strings(i, "themes"), strings(i, "targetGroups"), valueOrNull(DeliveryFormat.class, str(i, "format")),
                new Price(orZero(num(i, "priceCents"))), str(i, "provider"), str(i, "moreInfoUrl"),
                valueOrNull(EnrolmentScope.class, str(i, "enrolmentScope")), source,
                updatedAt == null ? null : Instant.parse(updatedAt), sessions, valueOrNull(OfferStatus.class, str(i, "status")),
                new EnrolmentPolicy(num(i, "waitlistLimit") == null ? null : num(i, "waitlistLimit").intValue(), str(i, "intake") != null,
                        "WITH_SEAT".equals(str(i, "intake"))), strings(i, "languages"),
                str(i, "periodStart") == null ? null
                        : new Offer.Period(java.time.LocalDate.parse(str(i, "periodStart")), java.time.LocalDate.parse(str(i, "periodEnd")), str(i, "periodLocation")));
    }

    /** The attributes an editor controls on a session, with the offer fields the agenda shows beside it. */
    static Map<String, AttributeValue> sessionFields(Offer o, Session s) {
        return new Attr.Item()
                .put(GSI1PK, agendaPk(s.start())).put(GSI1SK, utcKey(s.startInstant()) + "#" + o.id() + "#" + s.id())
                .put("type", "SESSION").put("id", s.id()).put("offerId", o.id())
                .put("start", s.start().toString()).put("end", s.end().toString()).put("locationId", s.locationId())
                .put("status", s.status().name()).put("note", s.note())
                // The agenda leaves drafts out and marks called-off offers: the offer's status travels with its sessions.
                .put("offerStatus", o.status().name())
                .put("offerTitle", o.title()).put("organisationId", o.organisationId()).put("kind", name(o.kind()))
                .put("programmeLine", name(o.programmeLine())).put("format", o.format().name())
                .put("priceCents", o.price().cents()).build();
    }

    static Session toSession(Map<String, AttributeValue> i) {
        Long seats = num(i, "seats");
        return new Session(str(i, "id"), LocalDateTime.parse(str(i, "start")), LocalDateTime.parse(str(i, "end")),
                str(i, "locationId"), seats == null ? null : seats.intValue(), (int) orZero(num(i, "taken")),
                Session.SessionStatus.valueOf(str(i, "status")), str(i, "note"));
    }

    static AgendaEntry toAgendaEntry(Map<String, AttributeValue> i) {
        return new AgendaEntry(str(i, "offerId"), str(i, "offerTitle"), valueOrNull(OfferKind.class, str(i, "kind")),
                valueOrNull(ProgrammeLine.class, str(i, "programmeLine")), valueOrNull(DeliveryFormat.class, str(i, "format")),
                new Price(orZero(num(i, "priceCents"))), str(i, "organisationId"), toSession(i), valueOrNull(OfferStatus.class, str(i, "offerStatus")));
    }

    private static long orZero(Long value) { return value == null ? 0 : value; }

}
