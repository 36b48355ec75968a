package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;

/**
 * A person of library staff (or the regional coordinator) who signs in by email. The email address
 * is the only personal data kept about staff; it never appears in logs or the audit trail.
 *
 * @param email     normalised ({@link Emails#normalise}): the sign-in key, unique
 * @param revokedAt when an admin took access away; a revoked account cannot sign in and its
 *                  sessions stop working at once
 */
public record StaffMember(String id, String email, String name, Role role, List<String> organisationIds,
                          Instant createdAt, Instant revokedAt) {
    public StaffMember {
        Ids.requireValid(id);
        if (email == null || Emails.normalise(email).isEmpty() || !Emails.normalise(email).get().equals(email))
            throw new IllegalArgumentException("email must be normalised");
        Text.require(name, "name");
        if (role == null) throw new IllegalArgumentException("role is required");
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
    }

    public boolean isRevoked() { return revokedAt != null; }

    public StaffMember revoked(Instant at) {
        return new StaffMember(id, email, name, role, organisationIds, createdAt, at);
    }

    public StaffMember with(String newName, Role newRole, List<String> newOrganisations) {
        return new StaffMember(id, email, newName, newRole, newOrganisations, createdAt, revokedAt);
    }
}
