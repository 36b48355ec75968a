package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.ManagedEnrolment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The EnrolmentsTable's items (docs/dynamodb.md): per date or course a partition with an
 * {@code ENROL#{personKey}} item per person and one {@code WAITLIST} item (the queue's length and
 * ticket counter) and a {@code PHANTOM#{hash}} item per stand-in of a repeated enrolment; per
 * private link a {@code MANAGE#{hash}} item pointing at its enrolment or stand-in. The stand-ins
 * live in their date's partition so that moving the date moves their expiry too. All carry
 * {@code expiresAt} for TTL.
 */
final class EnrolmentItems {
    private EnrolmentItems() {}

    static final String WAITLIST = "WAITLIST", MANAGE = "MANAGE", ENROL = "ENROL#", PHANTOM = "PHANTOM#";

    static String sessionPk(String offerId, String sessionId) { return "SESSION#" + offerId + "#" + sessionId; }

    static String coursePk(String offerId) { return "COURSE#" + offerId; }

    static String pk(String offerId, String sessionId) { return sessionId == null ? coursePk(offerId) : sessionPk(offerId, sessionId); }

    static Map<String, AttributeValue> key(String offerId, String sessionId, String personKey) {
        return CatalogItems.key(pk(offerId, sessionId), ENROL + personKey);
    }

    static Map<String, AttributeValue> waitlistKey(String scopePk) { return CatalogItems.key(scopePk, WAITLIST); }

    static Map<String, AttributeValue> manageKey(String manageHash) { return CatalogItems.key("MANAGE#" + manageHash, MANAGE); }

    static Map<String, AttributeValue> enrolment(Enrolment e) {
        return new Attr.Item().put("pk", e.scopeKey()).put("sk", ENROL + e.personKey())
                .put("type", "ENROLMENT").put("offerId", e.offerId()).put("sessionId", e.sessionId())
                .put("name", e.name()).put("phone", e.phone()).put("status", e.status().name())
                .put("createdAt", e.createdAt().toString())
                .put("ticket", e.ticket()).put("manageHash", e.manageHash()).put("email", e.email())
                .put("textMessages", e.textMessages() ? 1L : null)
                .put("referrerId", e.referral() == null ? null : e.referral().referrerId())
                .put("referrerName", e.referral() == null ? null : e.referral().referrerName())
                .put("consentNote", e.referral() == null ? null : e.referral().consentNote())
                // A professional lists their own referrals through gsi1.
                .put(CatalogItems.GSI1PK, e.referral() == null ? null : "REFERRER#" + e.referral().referrerId())
                .put(CatalogItems.GSI1SK, e.referral() == null ? null : e.createdAt() + "#" + e.scopeKey() + "#" + e.personKey())
                // TTL wants epoch seconds: DynamoDB deletes the personal data after the retention period.
                .put("expiresAt", e.expiresAt().getEpochSecond()).build();
    }

    static Enrolment toEnrolment(Map<String, AttributeValue> i) {
        String sk = Attr.str(i, "sk");
        Long ticket = Attr.num(i, "ticket");
        return new Enrolment(Attr.str(i, "offerId"), Attr.str(i, "sessionId"), sk.substring(ENROL.length()), Attr.str(i, "name"),
                Attr.str(i, "phone"), Enrolment.EnrolmentStatus.valueOf(Attr.str(i, "status")), Instant.parse(Attr.str(i, "createdAt")),
                Instant.ofEpochSecond(Attr.num(i, "expiresAt")), ticket == null ? 0 : ticket, Attr.str(i, "manageHash"),
                Attr.str(i, "email"), Attr.num(i, "textMessages") != null,
                Attr.str(i, "referrerId") == null ? null : new Enrolment.Referral(Attr.str(i, "referrerId"), Attr.str(i, "referrerName"), Attr.str(i, "consentNote")));
    }

    /** One more link to an enrolment, valid for this enrolment only (its createdAt as the generation). */
    static Map<String, AttributeValue> link(Enrolment e, String manageHash) {
        return new Attr.Item().put("pk", "MANAGE#" + manageHash).put("sk", MANAGE).put("type", "MANAGE_LINK")
                .put("scopePk", e.scopeKey()).put("personKey", e.personKey()).put("generation", e.createdAt().toString())
                .put("expiresAt", e.expiresAt().getEpochSecond()).build();
    }

    /** The private link's pointer to its enrolment. */
    static Map<String, AttributeValue> pointer(Enrolment e) {
        return new Attr.Item().put("pk", "MANAGE#" + e.manageHash()).put("sk", MANAGE).put("type", "MANAGE_LINK")
                .put("scopePk", e.scopeKey()).put("personKey", e.personKey())
                .put("expiresAt", e.expiresAt().getEpochSecond()).build();
    }

    static Map<String, AttributeValue> phantomPointer(Enrolment e) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(new Attr.Item().put("pk", "MANAGE#" + e.manageHash()).put("sk", MANAGE)
                .put("type", "MANAGE_LINK").put("scopePk", e.scopeKey()).put("expiresAt", e.expiresAt().getEpochSecond()).build());
        item.put("phantom", AttributeValue.fromBool(true));
        return item;
    }

    static Map<String, AttributeValue> phantomKey(String scopePk, String manageHash) { return CatalogItems.key(scopePk, PHANTOM + manageHash); }

    static Map<String, AttributeValue> phantom(ManagedEnrolment m) {
        Enrolment e = m.enrolment();
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(new Attr.Item().put("pk", e.scopeKey()).put("sk", PHANTOM + e.manageHash())
                .put("type", "PHANTOM").put("offerId", e.offerId()).put("sessionId", e.sessionId()).put("personKey", e.personKey())
                .put("name", e.name()).put("phone", e.phone()).put("status", e.status().name()).put("createdAt", e.createdAt().toString())
                .put("position", (long) m.position()).put("manageHash", e.manageHash())
                .put("expiresAt", e.expiresAt().getEpochSecond()).build());
        item.put("phantom", AttributeValue.fromBool(true));
        return item;
    }

    static ManagedEnrolment toPhantom(Map<String, AttributeValue> i) {
        Enrolment e = new Enrolment(Attr.str(i, "offerId"), Attr.str(i, "sessionId"), Attr.str(i, "personKey"), Attr.str(i, "name"),
                Attr.str(i, "phone"), Enrolment.EnrolmentStatus.valueOf(Attr.str(i, "status")), Instant.parse(Attr.str(i, "createdAt")),
                Instant.ofEpochSecond(Attr.num(i, "expiresAt")), 0, Attr.str(i, "manageHash"));
        return new ManagedEnrolment(e, Attr.num(i, "position").intValue(), true);
    }

    static boolean isPhantom(Map<String, AttributeValue> i) {
        AttributeValue v = i.get("phantom");
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
