package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.enrolment;
import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static nl.ontwikkelplein.domain.contract.ContractData.storedOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.domain.Offer;
import org.junit.jupiter.api.Test;

/** What every {@link nl.ontwikkelplein.domain.Outbox} adapter promises: one message per key, one claim per attempt. */
public abstract class OutboxContract extends StoreContract {

    private Message message(Offer offer, String discriminator) {
        Enrolment e = enrolment(offer, offer.sessions().get(0).id(), id("p"));
        return Message.of(offer.organisationId(), Message.Kind.CONFIRMED, e, discriminator, null, Instant.now());
    }

    @Test
    void oneMessagePerKeyAndOneClaimAtATime() throws Exception {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 5);
        Message m = message(offer, "a");
        assertTrue(stores.outbox().add(m));
        assertFalse(stores.outbox().add(m), "the same event again: no second message");
        assertEquals(Message.Status.PENDING, stores.outbox().find(m.organisationId(), m.key()).orElseThrow().status());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        int claimed = 0;
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) claims.add(() -> stores.outbox().claim(m.organisationId(), m.key(), Instant.now()));
            for (Future<Boolean> f : pool.invokeAll(claims)) if (f.get()) claimed++;
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, claimed, "one sender has it");
        Message sending = stores.outbox().find(m.organisationId(), m.key()).orElseThrow();
        assertEquals(Message.Status.SENDING, sending.status());
        assertEquals(1, sending.attempts());

        stores.outbox().settle(m.organisationId(), m.key(), Message.Status.PENDING, null, "SdkException", Instant.now());
        assertTrue(stores.outbox().claim(m.organisationId(), m.key(), Instant.now()), "a failed attempt may be tried again");
        stores.outbox().settle(m.organisationId(), m.key(), Message.Status.SENT, Enrolment.Channel.EMAIL, null, Instant.now());
        Message sent = stores.outbox().find(m.organisationId(), m.key()).orElseThrow();
        assertEquals(Message.Status.SENT, sent.status());
        assertEquals(Enrolment.Channel.EMAIL, sent.channel());
        assertEquals(2, sent.attempts());
        assertFalse(stores.outbox().claim(m.organisationId(), m.key(), Instant.now()), "sent: never again");
    }

    @Test
    void staffSeeTheCallListAndTickItOnce() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 5);
        Message call = message(offer, "call"), failed = message(offer, "failed"), sent = message(offer, "sent");
        for (Message m : List.of(call, failed, sent)) {
            stores.outbox().add(m);
            stores.outbox().claim(m.organisationId(), m.key(), Instant.now());
        }
        stores.outbox().settle(call.organisationId(), call.key(), Message.Status.CALL, Enrolment.Channel.CALL, null, Instant.now());
        stores.outbox().settle(failed.organisationId(), failed.key(), Message.Status.FAILED, Enrolment.Channel.SMS, "SnsException", Instant.now());
        stores.outbox().settle(sent.organisationId(), sent.key(), Message.Status.SENT, Enrolment.Channel.EMAIL, null, Instant.now());
        List<String> keys = stores.outbox().forStaff(offer.organisationId(), 50).stream().map(Message::key).toList();
        assertEquals(2, keys.size());
        assertTrue(keys.containsAll(List.of(call.key(), failed.key())));
        assertTrue(stores.outbox().markCalled(call.organisationId(), call.key(), "staff:anna", Instant.now()));
        assertFalse(stores.outbox().markCalled(call.organisationId(), call.key(), "staff:bert", Instant.now()), "ticked once");
        Message called = stores.outbox().find(call.organisationId(), call.key()).orElseThrow();
        assertEquals(Message.Status.CALLED, called.status());
        assertEquals("staff:anna", called.handledBy());
        assertTrue(stores.outbox().forStaff(id("other-org"), 50).isEmpty(), "another organisation sees none of it");
    }

    @Test
    void everyMessageLinkOpensItsEnrolmentUntilItIsMadeAgain() {
        Offer offer = storedOffer(stores, EnrolmentScope.PER_SESSION, 1, 5);
        String date = offer.sessions().get(0).id();
        Enrolment e = enrolment(offer, date, id("p"));
        stores.seats().take(e, null);
        Enrolment stored = stores.participants().find(offer.id(), date, e.personKey()).orElseThrow();
        String extra = nl.ontwikkelplein.domain.Secrets.hash(id("link"));
        stores.participants().addLink(stored, extra);
        assertEquals(e.personKey(), stores.participants().byManageHash(extra).orElseThrow().enrolment().personKey());
        stores.participants().cancel(offer.id(), date, e.personKey(), List.of(date), Instant.now());
        Enrolment again = new Enrolment(e.offerId(), date, e.personKey(), e.name(), e.phone(), Enrolment.EnrolmentStatus.CONFIRMED,
                e.createdAt().plusSeconds(60), e.expiresAt(), 0, nl.ontwikkelplein.domain.Secrets.hash(id("link")), "anna@example.org", false);
        stores.seats().take(again, null);
        assertTrue(stores.participants().byManageHash(extra).isEmpty(), "made again: the old links open nothing");
        assertEquals("anna@example.org", stores.participants().find(offer.id(), date, e.personKey()).orElseThrow().email());
    }
}
