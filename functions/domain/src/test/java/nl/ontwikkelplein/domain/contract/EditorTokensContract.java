package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Ids;
import org.junit.jupiter.api.Test;

/** What every {@link nl.ontwikkelplein.domain.EditorTokens} adapter promises. */
public abstract class EditorTokensContract extends StoreContract {

    @Test
    void aTokenIsFoundByItsHashWithEveryField() {
        String hash = Ids.sha256Hex(id("token"));
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Editor editor = new Editor("Anna de Vries", Role.EDITOR, List.of("bibliotheek-a", "bibliotheek-b"),
                created, created.plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        stores.editorTokens().save(hash, editor);
        assertEquals(editor, stores.editorTokens().findByTokenHash(hash).orElseThrow());
        assertTrue(stores.editorTokens().findByTokenHash(Ids.sha256Hex(id("other"))).isEmpty());
    }

    @Test
    void aTokenWithoutExpiryStaysWithout() {
        String hash = Ids.sha256Hex(id("token"));
        Editor admin = new Editor("Beheer", Role.ADMIN, List.of(), Instant.parse("2026-01-01T00:00:00Z"), null);
        stores.editorTokens().save(hash, admin);
        assertEquals(admin, stores.editorTokens().findByTokenHash(hash).orElseThrow());
    }

    @Test
    void aHashIsSavedOnce() {
        String hash = Ids.sha256Hex(id("token"));
        Editor first = new Editor("Eerste", Role.ADMIN, List.of(), Instant.parse("2026-01-01T00:00:00Z"), null);
        stores.editorTokens().save(hash, first);
        ConflictException e = assertThrows(ConflictException.class,
                () -> stores.editorTokens().save(hash, new Editor("Tweede", Role.ADMIN, List.of(), Instant.now(), null)));
        assertEquals(ConflictException.Reason.DUPLICATE, e.reason());
        assertEquals(first, stores.editorTokens().findByTokenHash(hash).orElseThrow(), "the first one is kept");
    }

    @Test
    void tokensAreListedByTheirPublicIdAndRevokedByIt() {
        String hash = Ids.sha256Hex(id("token"));
        Editor editor = new Editor("Koppeling " + id("t"), Role.EDITOR, List.of("bibliotheek-a"), Instant.parse("2026-03-01T00:00:00Z"), null);
        stores.editorTokens().save(hash, editor);
        String tokenId = nl.ontwikkelplein.domain.EditorAuth.tokenId(hash);
        assertTrue(stores.editorTokens().all().contains(new nl.ontwikkelplein.domain.EditorTokens.StoredToken(tokenId, editor)));
        assertTrue(stores.editorTokens().revoke(tokenId));
        assertTrue(stores.editorTokens().findByTokenHash(hash).isEmpty(), "a revoked token stops working");
        assertTrue(stores.editorTokens().all().stream().noneMatch(t -> t.tokenId().equals(tokenId)));
        assertEquals(false, stores.editorTokens().revoke(tokenId), "revoking twice finds nothing");
    }
}
