package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;

/**
 * An API token's holder: a machine client (an integration, a script) acting for one or more
 * organisations, or for the region. Identified by a bearer token of which only a hash is stored.
 * People sign in by email instead ({@link StaffMember}).
 *
 * @param organisationIds the organisations the token acts for (ignored for {@link Role#ADMIN})
 */
public record Editor(String name, Role role, List<String> organisationIds, Instant createdAt, Instant expiresAt) {

    public Editor {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
    }
}
