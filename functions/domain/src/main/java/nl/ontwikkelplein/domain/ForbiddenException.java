package nl.ontwikkelplein.domain;

/** The actor may not do this. Handlers answer 403 (API) or a Dutch "no access" page (forms). */
public final class ForbiddenException extends RuntimeException {
    private final Permission permission;

    public ForbiddenException(Permission permission) {
        super("U mag dit niet doen.");
        this.permission = permission;
    }

    public Permission permission() { return permission; }
}
