package nl.ontwikkelplein.domain;

/**
 * Asks the import to do something with one feed now, outside its schedule: run it (the admin's
 * "run now" button, and the confirmation of a large shrink), or end it. It only asks: the import
 * does the work, as on a night, and leaves its report as every run does.
 */
public interface ImportRuns {
    /**
     * @param confirmShrink the admin confirmed that the feed really lists far fewer offers: this run may withdraw them
     * @return false when the import could not be asked (the admin is told to try again)
     */
    boolean runNow(String feedId, boolean confirmShrink);

    /**
     * Ends a feed: its offers leave the site as if the feed listed none (staff's own stay), then
     * the feed and its reports are forgotten.
     *
     * @return false when the import could not be asked
     */
    boolean removeFeed(String feedId);

    /** For workspaces without an importer (tests of the workspace alone): asks nothing, says it could not. */
    ImportRuns NONE = new ImportRuns() {
        @Override
        public boolean runNow(String feedId, boolean confirmShrink) { return false; }

        @Override
        public boolean removeFeed(String feedId) { return false; }
    };
}
