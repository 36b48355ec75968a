package nl.ontwikkelplein.domain;

/** A library organisation in the region (one organisation runs several branches). */
public record Organisation(String id, String name, String website) {
    public Organisation {
        Ids.requireValid(id);
        Text.require(name, "name");
    }
}
