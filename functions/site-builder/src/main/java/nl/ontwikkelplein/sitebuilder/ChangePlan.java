package nl.ontwikkelplein.sitebuilder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of catalog stream records asks the site builder to do, decided from the keys alone:
 * {@code OFFER#{id}} (the offer or one of its sessions) re-renders that offer; {@code LOC#{id}}
 * the offers with a date at that place; {@code ORG#{id}} the offers of that organisation; any of
 * them the list pages that differ. Other keys are counted, so they show in the log.
 * A failed batch retries from its first record that changed anything: everything is idempotent.
 */
public final class ChangePlan {
    /** One stream record as far as the plan cares: its sequence number and partition key. */
    public record Change(String sequenceNumber, String pk) {}

    private final SiteBuilder.Changes changes;
    private final String firstChange;
    private final int ignored;

    private ChangePlan(SiteBuilder.Changes changes, String firstChange, int ignored) {
        this.changes = changes;
        this.firstChange = firstChange;
        this.ignored = ignored;
    }

    public static ChangePlan of(List<Change> records) {
        Set<String> offers = new LinkedHashSet<>(), locations = new LinkedHashSet<>(), organisations = new LinkedHashSet<>();
        String firstChange = null;
        int ignored = 0;
        for (Change c : records) {
            String pk = c.pk() == null ? "" : c.pk();
            if (!add(pk, "OFFER#", offers) && !add(pk, "LOC#", locations) && !add(pk, "ORG#", organisations)) {
                ignored++;
                continue;
            }
            if (firstChange == null) firstChange = c.sequenceNumber();
        }
        return new ChangePlan(new SiteBuilder.Changes(offers, locations, organisations), firstChange, ignored);
    }

    private static boolean add(String pk, String prefix, Set<String> into) {
        if (!pk.startsWith(prefix) || pk.length() == prefix.length()) return false;
        into.add(pk.substring(prefix.length()));
        return true;
    }

    public SiteBuilder.Changes changes() { return changes; }

    /** True when anything changed. */
    public boolean anything() { return firstChange != null; }

    /** The sequence number of the first record that changed anything: where a failed batch retries from. */
    public String firstChange() { return firstChange; }

    /** Records whose keys the site builder does not know. */
    public int ignored() { return ignored; }
}
