package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;

/**
 * A member of library staff who may change offers. Identified by a bearer token of which only
 * a hash is stored.
 *
 * @param organisationIds the organisations this editor works for (per-library roles later)
 */
public record Editor(String name, Role role, List<String> organisationIds, Instant createdAt, Instant expiresAt) {
    public enum Role { ADMIN, EDITOR }

    public Editor {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
    }
}
