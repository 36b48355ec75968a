package nl.ontwikkelplein.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an update of an offer does to its sessions, as every Catalog adapter must check it in the
 * same write: the sessions it removes (allowed only without enrolments) and, for a course that
 * gains lessons, the guard. A lesson added to a course starts with the seats of its enrolments
 * taken ({@link OfferService#keepCourseEnrolments}: as many as were read); that is right only while
 * nobody enrols meanwhile, so the guard lesson, a kept one, must still hold exactly that many.
 *
 * @param guardSessionId the kept lesson whose seats taken must equal {@code carried}; null for none
 */
public record OfferChange(List<Session> removed, String guardSessionId, int carried) {

    public static OfferChange of(Offer existing, Offer changed) {
        Set<String> kept = changed.sessions().stream().map(Session::id).collect(Collectors.toSet());
        List<Session> removed = existing.sessions().stream().filter(s -> !kept.contains(s.id())).toList();
        List<Session> added = changed.sessions().stream().filter(s -> existing.session(s.id()).isEmpty()).toList();
        int carried = added.stream().mapToInt(Session::taken).max().orElse(0);
        String guard = !changed.isCourse() || added.isEmpty() ? null : changed.sessions().stream()
                .filter(s -> existing.session(s.id()).map(e -> !e.isCancelled()).orElse(false))
                .map(Session::id).findFirst().orElse(null);
        return new OfferChange(removed, guard, carried);
    }

    public boolean guards(Session s) {
        return s.id().equals(guardSessionId);
    }
}
