package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Instant;

/**
 * Sends one message from the outbox: claims it (only one sender ever has it, so it is never sent
 * twice), reads the person's contact from the enrolment, adds a fresh private link, and sends it
 * by email or SMS, or puts it on the staff's call list. A failed attempt goes back to PENDING,
 * and after {@link Message#MAX_ATTEMPTS} it is FAILED, which staff see.
 */
public final class MessageSender {
    /** Words for people: the page layer writes them. */
    public interface Texts {
        /** @param link the path of the person's private page, or a full address */
        Text write(Message message, Enrolment enrolment, Offer offer, Location location, String link);
    }

    /** @param subject for email; @param sms at most a few short sentences; @param email the full text */
    public record Text(String subject, String sms, String email) {}

    public enum Outcome { SENT, CALL, SKIPPED, RETRY, FAILED }

    private final Outbox outbox;
    private final Participants participants;
    private final Catalog catalog;
    private final Mailer mailer;
    private final TextMessages texts;
    private final Texts words;
    private final String origin;
    private final Clock clock;

    /** @param origin the site's public address (https://…) that links start with; empty for site-relative links (locally) */
    public MessageSender(Outbox outbox, Participants participants, Catalog catalog, Mailer mailer, TextMessages texts, Texts words,
                         String origin, Clock clock) {
        this.outbox = outbox;
        this.participants = participants;
        this.catalog = catalog;
        this.mailer = mailer;
        this.texts = texts;
        this.words = words;
        this.origin = origin == null ? "" : origin;
        this.clock = clock;
    }

    public Outcome send(String organisationId, String key) {
        Message m = outbox.find(organisationId, key).orElse(null);
        if (m == null || m.status() != Message.Status.PENDING) return Outcome.SKIPPED;
        if (!outbox.claim(organisationId, key, clock.instant())) return Outcome.SKIPPED;
        Enrolment e = participants.find(m.offerId(), m.enrolmentSessionId(), m.personKey()).orElse(null);
        Offer offer = catalog.offer(m.offerId()).orElse(null);
        Instant now = clock.instant();
        if (e == null || offer == null || !e.createdAt().equals(m.generation())) {
            // Erased, or made again since: nobody to tell about this event.
            outbox.settle(organisationId, key, Message.Status.SKIPPED, null, null, now);
            return Outcome.SKIPPED;
        }
        Enrolment.Channel channel = e.channel();
        if (channel == Enrolment.Channel.CALL) {
            // They only gave a phone number: staff call about what matters; a confirmation they saw on the page already.
            outbox.settle(organisationId, key, m.worthACall() ? Message.Status.CALL : Message.Status.SKIPPED, channel, null, now);
            return m.worthACall() ? Outcome.CALL : Outcome.SKIPPED;
        }
        try {
            String token = Secrets.newSecret();
            participants.addLink(e, Secrets.hash(token));
            Session session = Notifications.sessionOf(offer, m);
            Location location = session == null || session.locationId() == null ? null : catalog.location(session.locationId()).orElse(null);
            Text text = words.write(m, e, offer, location, origin + "/aanmelding/" + token);
            if (channel == Enrolment.Channel.EMAIL) mailer.send(new Mail(e.email(), text.subject(), text.email(), null));
            else texts.send(e.phone(), text.sms());
            outbox.settle(organisationId, key, Message.Status.SENT, channel, null, clock.instant());
            return Outcome.SENT;
        } catch (RuntimeException failure) {
            boolean last = m.attempts() + 1 >= Message.MAX_ATTEMPTS;
            // Only the kind of failure is kept: never an address, a number or the text.
            outbox.settle(organisationId, key, last ? Message.Status.FAILED : Message.Status.PENDING, channel,
                    failure.getClass().getSimpleName(), clock.instant());
            return last ? Outcome.FAILED : Outcome.RETRY;
        }
    }
}
