package nl.ontwikkelplein.messaging;

import java.util.Map;
import nl.ontwikkelplein.domain.Mailer;
import nl.ontwikkelplein.domain.TextMessages;
import nl.ontwikkelplein.store.dynamodb.AwsClients;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Text messages through Amazon SNS (Publish to a phone number), as transactional messages.
 * Locally the same client reaches the local runtime's outbox through {@code aws.endpointUrlSns}.
 */
public final class SnsTexts implements TextMessages {
    private final SnsClient sns;
    private final String senderId;

    /** @param senderId the name shown as sender where carriers allow it (up to 11 letters and digits), or null */
    public SnsTexts(SnsClient sns, String senderId) {
        this.sns = sns;
        this.senderId = senderId == null || senderId.isBlank() ? null : senderId;
    }

    /** SMS_SENDER_ID (optional) from the function's environment. */
    public static SnsTexts fromEnvironment(Map<String, String> env) {
        return new SnsTexts(SnsClient.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials()).build(), env.get("SMS_SENDER_ID"));
    }

    @Override
    public void send(String phone, String text) {
        java.util.Map<String, MessageAttributeValue> attributes = new java.util.HashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());
        if (senderId != null)
            attributes.put("AWS.SNS.SMS.SenderID", MessageAttributeValue.builder().dataType("String").stringValue(senderId).build());
        try {
            sns.publish(b -> b.phoneNumber(phone).message(text).messageAttributes(attributes));
        } catch (SdkException e) {
            // The number never goes to the logs: only the kind of failure.
            throw new Mailer.MailException("SNS did not accept the message: " + e.getClass().getSimpleName(), e);
        }
    }
}
