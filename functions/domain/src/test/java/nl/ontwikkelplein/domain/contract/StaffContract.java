package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Secrets;
import nl.ontwikkelplein.domain.SignInLink;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.domain.StaffSession;
import org.junit.jupiter.api.Test;

/** What every adapter of {@link nl.ontwikkelplein.domain.StaffAccounts}, {@link nl.ontwikkelplein.domain.SignIns} and {@link nl.ontwikkelplein.domain.RateLimits} promises. */
public abstract class StaffContract extends StoreContract {
    private static final Instant CREATED = Instant.parse("2026-02-01T09:00:00Z");

    private StaffMember member(String name, Role role, List<String> organisations) {
        String id = id("staff");
        return new StaffMember(id, id + "@bibliotheek.test", name, role, organisations, CREATED, null);
    }

    @Test
    void anAccountIsFoundByIdAndEmailWithEveryField() {
        StaffMember anna = member("Anna de Vries", Role.EDITOR, List.of("bibliotheek-a", "bibliotheek-b"));
        stores.staff().create(anna);
        assertEquals(anna, stores.staff().byId(anna.id()).orElseThrow());
        assertEquals(anna, stores.staff().byEmail(anna.email()).orElseThrow());
        assertTrue(stores.staff().byEmail("niemand-" + anna.email()).isEmpty());
        assertTrue(stores.staff().all().contains(anna));
    }

    @Test
    void anEmailAddressBelongsToOneAccount() {
        StaffMember first = member("Eerste", Role.EDITOR, List.of("bibliotheek-a"));
        stores.staff().create(first);
        StaffMember sameAddress = new StaffMember(id("staff"), first.email(), "Tweede", Role.ADMIN, List.of(), CREATED, null);
        ConflictException e = assertThrows(ConflictException.class, () -> stores.staff().create(sameAddress));
        assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
        assertTrue(stores.staff().byId(sameAddress.id()).isEmpty(), "nothing of the refused account is written");
        assertEquals(first, stores.staff().byEmail(first.email()).orElseThrow());
    }

    @Test
    void anUpdateChangesRoleOrganisationsAndRevocation() {
        StaffMember bert = member("Bert", Role.EDITOR, List.of("bibliotheek-a"));
        stores.staff().create(bert);
        StaffMember changed = bert.with("Bert Jansen", Role.ADMIN, List.of()).revoked(CREATED.plus(Duration.ofDays(3)));
        stores.staff().update(changed);
        assertEquals(changed, stores.staff().byEmail(bert.email()).orElseThrow());
        StaffMember unknown = member("Onbekend", Role.EDITOR, List.of());
        assertThrows(NotFoundException.class, () -> stores.staff().update(unknown));
        assertTrue(stores.staff().byId(unknown.id()).isEmpty(), "an update never creates");
    }

    @Test
    void aLinkIsUsedOnceEvenByTwoClicksAtOnce() throws Exception {
        String hash = Secrets.hash(Secrets.newSecret());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignInLink link = new SignInLink(hash, id("staff"), Secrets.hash(Secrets.newSecret()), now, now.plus(Duration.ofMinutes(15)));
        stores.signIns().saveLink(link);
        assertEquals(link, stores.signIns().link(hash).orElseThrow());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) clicks.add(() -> stores.signIns().useLink(hash, now).isPresent());
            int used = 0;
            for (Future<Boolean> f : pool.invokeAll(clicks)) if (f.get()) used++;
            assertEquals(1, used, "exactly one click signs in");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(stores.signIns().link(hash).isEmpty());
    }

    @Test
    void anExpiredLinkCannotBeUsed() {
        String hash = Secrets.hash(Secrets.newSecret());
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(20));
        stores.signIns().saveLink(new SignInLink(hash, id("staff"), Secrets.hash(Secrets.newSecret()), created, created.plus(Duration.ofMinutes(15))));
        assertTrue(stores.signIns().useLink(hash, created.plus(Duration.ofMinutes(16))).isEmpty());
        assertTrue(stores.signIns().useLink(Secrets.hash(Secrets.newSecret()), created).isEmpty(), "an unknown link is no link");
    }

    @Test
    void sessionsAreTouchedEndedAndEndedPerPerson() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String staffId = id("staff");
        String first = Secrets.hash(Secrets.newSecret()), second = Secrets.hash(Secrets.newSecret()), other = Secrets.hash(Secrets.newSecret());
        StaffSession session = new StaffSession(first, staffId, now, now, now.plus(Duration.ofHours(8)));
        stores.signIns().saveSession(session);
        stores.signIns().saveSession(new StaffSession(second, staffId, now, now, now.plus(Duration.ofHours(8))));
        stores.signIns().saveSession(new StaffSession(other, id("staff"), now, now, now.plus(Duration.ofHours(8))));
        assertEquals(session, stores.signIns().session(first).orElseThrow());

        Instant later = now.plus(Duration.ofMinutes(30));
        stores.signIns().touchSession(first, later, later.plus(Duration.ofHours(8)));
        assertEquals(new StaffSession(first, staffId, now, later, later.plus(Duration.ofHours(8))), stores.signIns().session(first).orElseThrow());

        stores.signIns().endSession(second);
        assertTrue(stores.signIns().session(second).isEmpty());
        stores.signIns().touchSession(second, later, later);
        assertTrue(stores.signIns().session(second).isEmpty(), "touching an ended session does not bring it back");

        stores.signIns().endSessionsOf(staffId);
        assertTrue(stores.signIns().session(first).isEmpty());
        assertTrue(stores.signIns().session(other).isPresent(), "someone else's session stays");
    }

    @Test
    void aRateLimitCountsPerKeyAndWindowAlsoUnderConcurrency() throws Exception {
        String key = id("rate");
        Duration window = Duration.ofMinutes(15);
        Instant now = Instant.parse("2026-05-01T10:01:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) requests.add(() -> stores.rateLimits().tryAcquire(key, 5, window, now));
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(requests)) if (f.get()) allowed++;
            assertEquals(5, allowed, "exactly the limit is let through");
        } finally {
            pool.shutdownNow();
        }
        assertFalse(stores.rateLimits().tryAcquire(key, 5, window, now.plus(Duration.ofMinutes(10))), "same window");
        assertTrue(stores.rateLimits().tryAcquire(key, 5, window, now.plus(Duration.ofMinutes(15))), "the next window starts at zero");
        assertTrue(stores.rateLimits().tryAcquire(id("rate"), 5, window, now), "another key has its own count");
    }
}
