package nl.ontwikkelplein.domain;

/**
 * Starts the import of one feed now, outside its schedule (the admin's "run now" button, and the
 * confirmation of a large shrink). It only asks: the run itself leaves its report as every run does.
 */
public interface ImportRuns {
    /**
     * @param confirmShrink the admin confirmed that the feed really lists far fewer offers: this run may withdraw them
     * @return false when the import could not be asked (the admin is told to try again)
     */
    boolean runNow(String feedId, boolean confirmShrink);

    /** For workspaces without an importer (tests of the workspace alone): asks nothing, says it could not. */
    ImportRuns NONE = (feedId, confirmShrink) -> false;
}
