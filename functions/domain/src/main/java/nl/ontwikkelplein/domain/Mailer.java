package nl.ontwikkelplein.domain;

/** Sends email: SES v2 in AWS, the local runtime's outbox locally (same SDK client). */
public interface Mailer {
    /** @throws MailException when the message was not accepted for delivery */
    void send(Mail mail);

    final class MailException extends RuntimeException {
        public MailException(String message, Throwable cause) { super(message, cause); }
    }
}
