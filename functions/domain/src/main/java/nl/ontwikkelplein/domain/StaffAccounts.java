package nl.ontwikkelplein.domain;

import java.util.List;
import java.util.Optional;

/** Staff accounts, found by id or by their (normalised) email address. */
public interface StaffAccounts {
    Optional<StaffMember> byEmail(String email);

    Optional<StaffMember> byId(String id);

    /** Every account, revoked ones included, by name. */
    List<StaffMember> all();

    /** @throws ConflictException DUPLICATE when the email address or id is taken */
    void create(StaffMember member);

    /** Name, role, organisations and revocation; the email address and id stay. @throws NotFoundException */
    void update(StaffMember member);
}
