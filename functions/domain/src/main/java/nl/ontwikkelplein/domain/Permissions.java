package nl.ontwikkelplein.domain;

/**
 * The one rule of who may do what, shared by the editor API, the workspace forms and the tests'
 * authorisation matrix. Admins may do everything everywhere; editors may do the organisation-level
 * things ({@link Permission#forEditors}) in the organisations they work for, referrers only refer
 * ({@link Permission#forReferrers}) to the organisations they work with, and nothing else.
 */
public final class Permissions {
    private Permissions() {}

    /** @param organisationId the organisation the record belongs to; null for region-wide things */
    public static boolean may(Actor actor, Permission permission, String organisationId) {
        if (actor == null) return false;
        if (actor.isAdmin()) return true;
        boolean allowed = (actor.role() == Role.EDITOR && permission.forEditors) || (actor.role() == Role.REFERRER && permission.forReferrers);
        return allowed && organisationId != null && actor.organisationIds().contains(organisationId);
    }

    /** @throws ForbiddenException when the actor may not */
    public static void require(Actor actor, Permission permission, String organisationId) {
        if (!may(actor, permission, organisationId)) throw new ForbiddenException(permission);
    }
}
