package nl.ontwikkelplein.tools.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import org.junit.jupiter.api.Test;

class CreateAdminTest {
    @Test
    void optionsAreCheckedAndTheAddressNormalised() {
        CreateAdmin.Options o = CreateAdmin.parse(new String[]{"--email", " Coordinator@Bibliotheek.NL ", "--name", "Coördinator", "--site", "https://ontwikkelplein.nl/"});
        assertEquals(new CreateAdmin.Options("coordinator@bibliotheek.nl", "Coördinator", "https://ontwikkelplein.nl/", false), o);
        assertEquals("https://ontwikkelplein.nl/beheer/?email=coordinator%40bibliotheek.nl", CreateAdmin.signInLink(o.site(), o.email()));
        assertThrows(IllegalArgumentException.class, () -> CreateAdmin.parse(new String[]{"--email", "geen-adres", "--name", "X"}));
        assertThrows(IllegalArgumentException.class, () -> CreateAdmin.parse(new String[]{"--email", "a@b.nl"}));
        assertThrows(IllegalArgumentException.class, () -> CreateAdmin.parse(new String[]{"--email", "a@b.nl", "--name", "X", "--site", "http://evil.example"}));
    }

    @Test
    void theAdminIsStoredAsAnAdminAndOnlyOnce() throws Exception {
        Path dir = Files.createTempDirectory("create-admin-");
        try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("db.sqlite"))) {
            var staff = SqliteStores.on(database, Clock.systemUTC()).staff();
            StaffMember admin = new StaffMember("coordinator", "coordinator@bibliotheek.nl", "Coördinator", Role.ADMIN, List.of(), Instant.now(), null);
            CreateAdmin.create(staff, admin);
            assertEquals(Role.ADMIN, staff.byEmail("coordinator@bibliotheek.nl").orElseThrow().role());
            assertThrows(nl.ontwikkelplein.domain.ConflictException.class, () -> CreateAdmin.create(staff, admin));
        }
    }
}
