package nl.ontwikkelplein.local.demo;

import java.time.Clock;
import java.util.List;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffAccounts;
import nl.ontwikkelplein.domain.StaffMember;

/**
 * Demo staff, so a newcomer can sign in at once (the sign-in mail lands in /_local/outbox): the
 * regional admin, an editor per demo organisation and a Taalhuis professional who refers clients. Loaded when there are no accounts yet, also
 * into a data directory from before staff existed.
 */
public final class DemoStaff {
    public static final String ADMIN_EMAIL = "beheerder@bibliotheek.test";
    public static final String HARDENBERG_EDITOR = "redactie@hardenberg.bibliotheek.test";
    public static final String OMMEN_EDITOR = "redactie@ommen.bibliotheek.test";
    /** A professional of the Taalhuis who refers clients to Hardenberg's offers. */
    public static final String REFERRER = "verwijzer@taalhuis.test";

    private DemoStaff() {}

    /** @return true when the accounts were created now */
    public static boolean loadIfEmpty(StaffAccounts staff, Clock clock) {
        if (!staff.all().isEmpty()) return false;
        staff.create(new StaffMember("beheerder", ADMIN_EMAIL, "Regionaal beheerder", Role.ADMIN, List.of(), clock.instant(), null));
        staff.create(new StaffMember("redactie-hardenberg", HARDENBERG_EDITOR, "Redactie Hardenberg", Role.EDITOR,
                List.of(DemoData.ORGANISATION), clock.instant(), null));
        staff.create(new StaffMember("redactie-ommen", OMMEN_EDITOR, "Redactie Ommen", Role.EDITOR,
                List.of("bibliotheek-ommen"), clock.instant(), null));
        staff.create(new StaffMember("taalhuis-verwijzer", REFERRER, "Taalhuis Hardenberg (verwijzer)", Role.REFERRER,
                List.of(DemoData.ORGANISATION), clock.instant(), null));
        return true;
    }
}
