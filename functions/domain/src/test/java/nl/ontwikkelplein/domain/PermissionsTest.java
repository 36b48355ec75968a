package nl.ontwikkelplein.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of who may do what, for every permission and role. */
class PermissionsTest {
    static final Actor EDITOR_A = new Actor(Actor.Kind.STAFF, "staff:a", "A", Role.EDITOR, List.of("bieb-a"));
    static final Actor ADMIN = new Actor(Actor.Kind.TOKEN, "token:r", "Regio", Role.ADMIN, List.of());

    @Test
    void editorsDoOrganisationWorkInTheirOwnOrganisationsOnlyAndAdminsEverything() {
        for (Permission p : Permission.values()) {
            assertTrue(Permissions.may(ADMIN, p, "bieb-a"), p + " for the admin");
            assertTrue(Permissions.may(ADMIN, p, null), p + " region-wide for the admin");
            assertFalse(Permissions.may(EDITOR_A, p, "bieb-b"), p + " in someone else's organisation");
            assertFalse(Permissions.may(EDITOR_A, p, null), p + " region-wide for an editor");
            assertFalse(Permissions.may(null, p, "bieb-a"), p + " for nobody");
        }
        for (Permission p : List.of(Permission.VIEW_OFFERS, Permission.EDIT_OFFERS, Permission.VIEW_PARTICIPANTS, Permission.MANAGE_PARTICIPANTS))
            assertTrue(Permissions.may(EDITOR_A, p, "bieb-a"), p.name());
        for (Permission p : List.of(Permission.MANAGE_LOCATIONS, Permission.MANAGE_ORGANISATIONS, Permission.MANAGE_STAFF, Permission.MANAGE_TOKENS, Permission.VIEW_AUDIT))
            assertFalse(Permissions.may(EDITOR_A, p, "bieb-a"), p + " is for admins");
        assertEquals(Permission.EDIT_OFFERS, assertThrows(ForbiddenException.class,
                () -> Permissions.require(EDITOR_A, Permission.EDIT_OFFERS, "bieb-b")).permission());
    }
}
