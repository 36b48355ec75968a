package nl.ontwikkelplein.domain;

import java.util.Collection;

/**
 * Asks for the public pages of offers an editor just changed, so the change is online within
 * seconds. The catalog stream renders every change too, but behind whatever else is on it (an
 * import of thousands of offers); asking is best effort and never fails the editor's save.
 */
public interface SiteUpdates {
    void offersChanged(Collection<String> offerIds);

    /** For runs without a site (tests of the workspace alone): asks nothing. */
    SiteUpdates NONE = ids -> { };
}
