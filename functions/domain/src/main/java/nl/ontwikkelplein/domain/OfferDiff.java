package nl.ontwikkelplein.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields of an offer differ: for the audit trail and for showing an editor what a colleague changed. */
public final class OfferDiff {
    private OfferDiff() {}

    /** Field names as the API and the forms call them; {@code sessions} when any date was added, changed or removed. */
    public static List<String> changedFields(Offer before, Offer after) {
        List<String> out = new ArrayList<>();
        if (before == null) {
            out.add("*");
            return out;
        }
        add(out, "title", before.title(), after.title());
        add(out, "summary", before.summary(), after.summary());
        add(out, "description", before.description(), after.description());
        add(out, "kind", before.kind(), after.kind());
        add(out, "programmeLine", before.programmeLine(), after.programmeLine());
        add(out, "themes", before.themes(), after.themes());
        add(out, "targetGroups", before.targetGroups(), after.targetGroups());
        add(out, "format", before.format(), after.format());
        add(out, "languages", before.languages(), after.languages());
        add(out, "priceCents", before.price(), after.price());
        add(out, "provider", before.provider(), after.provider());
        add(out, "moreInfoUrl", before.moreInfoUrl(), after.moreInfoUrl());
        add(out, "enrolmentScope", before.enrolmentScope(), after.enrolmentScope());
        add(out, "status", before.status(), after.status());
        add(out, "sessions", comparable(before.sessions()), comparable(after.sessions()));
        add(out, "period", before.period(), after.period());
        return out;
    }

    /** Sessions without their seat counters, which enrolments move, not editors. */
    private static List<Session> comparable(List<Session> sessions) {
        return sessions.stream().map(s -> s.withTaken(0)).sorted(java.util.Comparator.comparing(Session::id)).toList();
    }

    private static void add(List<String> out, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) out.add(field);
    }
}
