package nl.ontwikkelplein.domain;

import java.util.List;

/**
 * Who is doing something: a signed-in staff member or an API token. Permissions and the audit
 * trail see only this, so the forms and the API share one rule for who may do what.
 *
 * @param id   stable and free of personal data: {@code staff:<id>} or {@code token:<tokenId>}
 * @param name shown in the audit trail to admins (a staff member's name, a token's label)
 */
public record Actor(Kind kind, String id, String name, Role role, List<String> organisationIds) {
    public enum Kind { STAFF, TOKEN }

    public Actor {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
    }

    public static Actor of(StaffMember staff) {
        return new Actor(Kind.STAFF, "staff:" + staff.id(), staff.name(), staff.role(), staff.organisationIds());
    }

    /** @param tokenId the token's public id ({@link EditorAuth#tokenId}), never the token or its hash */
    public static Actor of(Editor token, String tokenId) {
        return new Actor(Kind.TOKEN, "token:" + tokenId, token.name(), token.role(), token.organisationIds());
    }

    public boolean isAdmin() { return role == Role.ADMIN; }

    /** The organisations this actor works for; for an admin, that is every organisation. */
    public boolean worksFor(String organisationId) {
        return isAdmin() || (organisationId != null && organisationIds.contains(organisationId));
    }
}
