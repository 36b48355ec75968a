package nl.ontwikkelplein.sitebuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of catalog stream records asks the site builder to do, decided from the keys alone.
 * <ul>
 *   <li>{@code OFFER#{id}} (the offer or one of its sessions): re-render that offer, once per batch;</li>
 *   <li>{@code ORG#…} or {@code LOC#…}: names and addresses appear on every page, so everything;</li>
 *   <li>the home page once, when anything changed;</li>
 *   <li>other keys: nothing (counted, so they show in the log).</li>
 * </ul>
 * Steps come in the order of their first record. Each step remembers that record's sequence
 * number: when a step fails, that number goes back to Lambda, which retries from there, and every
 * record before it belongs to a step that succeeded.
 */
public final class ChangePlan {
    /** One stream record as far as the plan cares: its sequence number and partition key. */
    public record Change(String sequenceNumber, String pk) {}

    public enum Kind { OFFER, ALL }

    /** @param offerId for {@link Kind#OFFER}; null for {@link Kind#ALL} */
    public record Step(Kind kind, String offerId, String sequenceNumber) {}

    private final List<Step> steps;
    private final String firstChange;
    private final int ignored;

    private ChangePlan(List<Step> steps, String firstChange, int ignored) {
        this.steps = steps;
        this.firstChange = firstChange;
        this.ignored = ignored;
    }

    public static ChangePlan of(List<Change> changes) {
        Map<String, Step> steps = new LinkedHashMap<>();
        String firstChange = null;
        int ignored = 0;
        for (Change c : changes) {
            String pk = c.pk() == null ? "" : c.pk();
            Step step;
            if (pk.startsWith("OFFER#") && pk.length() > "OFFER#".length()) {
                String offerId = pk.substring("OFFER#".length());
                step = new Step(Kind.OFFER, offerId, c.sequenceNumber());
            } else if (pk.startsWith("ORG#") || pk.startsWith("LOC#")) {
                step = new Step(Kind.ALL, null, c.sequenceNumber());
            } else {
                ignored++;
                continue;
            }
            if (firstChange == null) firstChange = c.sequenceNumber();
            steps.putIfAbsent(step.kind() + "#" + step.offerId(), step);
        }
        return new ChangePlan(List.copyOf(new ArrayList<>(steps.values())), firstChange, ignored);
    }

    public List<Step> steps() { return steps; }

    /** True when anything changed, so the home page must be rendered (once). */
    public boolean home() { return firstChange != null; }

    /** The sequence number of the first record that changed anything: where a failed home page retries from. */
    public String firstChange() { return firstChange; }

    public boolean rebuildAll() { return steps.stream().anyMatch(s -> s.kind() == Kind.ALL); }

    public long offers() { return steps.stream().filter(s -> s.kind() == Kind.OFFER).count(); }

    /** Records whose keys the site builder does not know. */
    public int ignored() { return ignored; }
}
