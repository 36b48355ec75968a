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
        Double longitude,
        java.util.List<Accessibility> accessibility) {

    public Location {
        Ids.requireValid(id);
        Text.require(name, "name");
        if (kind == null) kind = LocationKind.BRANCH;
        accessibility = accessibility == null ? java.util.List.of()
                : java.util.List.copyOf(new java.util.TreeSet<>(accessibility)); // one order, so equal places compare equal
    }

    /** A place whose accessibility is not (yet) described. */
    public Location(String id, String organisationId, String name, LocationKind kind, Address address, Double latitude, Double longitude) {
        this(id, organisationId, name, kind, address, latitude, longitude, java.util.List.of());
    }

    /** What visitors with a disability may want to know before they come. */
    public enum Accessibility {
        STEP_FREE("Drempelvrije ingang"),
        ACCESSIBLE_TOILET("Invalidentoilet"),
        HEARING_LOOP("Ringleiding"),
        QUIET_ROOM("Stille ruimte");

        private final String label;

        Accessibility(String label) { this.label = label; }

        public String label() { return label; }
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
