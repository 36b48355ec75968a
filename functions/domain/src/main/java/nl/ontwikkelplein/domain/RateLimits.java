package nl.ontwikkelplein.domain;

import java.time.Duration;
import java.time.Instant;

/** Counters per key and fixed time window, for limiting requests per address and per client. */
public interface RateLimits {
    /**
     * Counts one request for {@code key} in the window that holds {@code now}.
     *
     * @return true while the count in this window is at most {@code limit}
     */
    boolean tryAcquire(String key, int limit, Duration window, Instant now);

    /** The start of the fixed window that holds {@code now}, in epoch seconds: the counter's key in every adapter. */
    static long windowStart(Duration window, Instant now) {
        long seconds = window.toSeconds();
        return now.getEpochSecond() / seconds * seconds;
    }
}
