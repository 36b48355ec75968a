package nl.ontwikkelplein.domain;

import java.util.List;
import java.util.Optional;

/** The partner feeds the region imports, and the report of each run. */
public interface PartnerFeeds {
    /** Every feed, by id. */
    List<PartnerFeed> all();

    Optional<PartnerFeed> feed(String id);

    /** Creates the feed or replaces the one with its id. */
    void save(PartnerFeed feed);

    /** Deletes the feed and its runs; its offers stay (withdraw them by emptying the feed first). @return false when there was none */
    boolean remove(String id);

    /** Stores a run and keeps only the newest {@value FeedRun#KEPT_PER_FEED} of its feed. */
    void recordRun(FeedRun run);

    /** The feed's runs, newest first. */
    List<FeedRun> runs(String feedId, int limit);
}
