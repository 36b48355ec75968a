package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a feed did, as its organisation's editors read it afterwards.
 *
 * @param failure  why the feed could not be fetched or read at all (null when it was): the host
 *                 and the kind of error, never the URL's path or query, never feed content
 * @param report   what the import did (null when it failed before it could)
 * @param rejectedTotal how many records went to quarantine; {@code report.rejected()} keeps the first
 *                 {@value #MAX_PROBLEMS_KEPT} of them, each with its reason
 */
public record FeedRun(String feedId, Instant startedAt, Instant finishedAt, String failure, PartnerImport.Report report, int rejectedTotal) {
    /** Problems kept per run: enough to act on, and a run stays far below a DynamoDB item's 400 KB. */
    public static final int MAX_PROBLEMS_KEPT = 200;
    /** A reason is cut to this many characters when stored. */
    public static final int MAX_MESSAGE = 300;
    /** Runs kept per feed (about a month of nights); older ones are deleted when a new one is stored. */
    public static final int KEPT_PER_FEED = 30;

    public FeedRun {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A finished run, its problems cut to what is stored. */
    public static FeedRun of(String feedId, Instant startedAt, Instant finishedAt, PartnerImport.Report report) {
        List<PartnerImport.Problem> kept = report.rejected().stream().limit(MAX_PROBLEMS_KEPT)
                .map(p -> new PartnerImport.Problem(cut(p.externalId(), 200), p.line(), cut(p.message(), MAX_MESSAGE))).toList();
        PartnerImport.Report stored = new PartnerImport.Report(report.sourceId(), report.created(), report.updated(), report.unchanged(),
                report.locationsWritten(), report.removed(), report.cancelled(), report.complete(), kept, report.held(), report.listed(),
                report.before(), report.keptByStaff());
        return new FeedRun(feedId, startedAt, finishedAt, null, stored, report.rejected().size());
    }

    /** A run that could not fetch or read the feed. */
    public static FeedRun failed(String feedId, Instant startedAt, Instant finishedAt, String failure) {
        return new FeedRun(feedId, startedAt, finishedAt, cut(failure, MAX_MESSAGE), null, 0);
    }

    public boolean succeeded() { return failure == null; }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
