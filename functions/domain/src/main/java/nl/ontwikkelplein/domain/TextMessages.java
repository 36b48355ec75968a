package nl.ontwikkelplein.domain;

/** Sends text messages (SMS): Amazon SNS in AWS, the local runtime's outbox locally (same SDK client). */
public interface TextMessages {
    /**
     * @param phone a normalised number (+31612345678)
     * @throws Mailer.MailException when the message was not accepted for delivery
     */
    void send(String phone, String text);
}
