package nl.ontwikkelplein.domain;

/**
 * A place where sessions happen: a library branch or a partner's place.
 * Coordinates are WGS84 and may be absent until the place is geocoded.
 */
public record Location(
        String id,
        String organisationId,
        String name,
        LocationKind kind,
        Address address,
        Double latitude,
        Double longitude) {

    public Location {
        Ids.requireValid(id);
        Text.require(name, "name");
        if (kind == null) kind = LocationKind.BRANCH;
    }

    public enum LocationKind { BRANCH, PARTNER, ONLINE }

    public record Address(String street, String postcode, String city) {
        public String oneLine() {
            StringBuilder b = new StringBuilder();
            if (street != null && !street.isBlank()) b.append(street);
            if (city != null && !city.isBlank()) {
                if (b.length() > 0) b.append(", ");
                if (postcode != null && !postcode.isBlank()) b.append(postcode).append(' ');
                b.append(city);
            }
            return b.toString();
        }
    }
}
