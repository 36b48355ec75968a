package nl.ontwikkelplein.store.dynamodb;

import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class EnrolmentItems {
    private EnrolmentItems() {}

    static String sessionPk(String offerId, String sessionId) { return "SESSION#" + offerId + "#" + sessionId; }

    static String coursePk(String offerId) { return "COURSE#" + offerId; }

    static Map<String, AttributeValue> enrolment(Enrolment e) {
        String pk = e.sessionId() == null ? coursePk(e.offerId()) : sessionPk(e.offerId(), e.sessionId());
        return new Attr.Item().put("pk", pk).put("sk", "ENROL#" + e.personKey())
                .put("type", "ENROLMENT").put("offerId", e.offerId()).put("sessionId", e.sessionId())
                .put("name", e.name()).put("phone", e.phone()).put("status", e.status().name())
                .put("createdAt", e.createdAt().toString())
                // TTL wants epoch seconds: DynamoDB deletes the personal data after the retention period.
                .put("expiresAt", e.expiresAt().getEpochSecond()).build();
    }
}
