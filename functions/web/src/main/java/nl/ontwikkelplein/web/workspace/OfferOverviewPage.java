package nl.ontwikkelplein.web.workspace;

import java.util.List;

/** One offer as staff see it: status, what it still lacks, its facts and dates, and what can be done. */
public record OfferOverviewPage(StaffPage page, String id, String title, String status, String statusClass, String notice,
                                List<String> hints, List<Fact> facts, List<DateRow> dates, String version,
                                boolean canPublish, boolean canUnpublish, boolean canCancel, boolean canReopen,
                                String publicHref, String previewHref, String editHref, String datesHref, String copyAction,
                                String statusAction, List<HistoryRow> history, String back, Origin origin) {
    public record Fact(String label, String value) {}

    /** Where an imported offer comes from and who keeps it (null for an offer made here), with the button that changes that. */
    public record Origin(String text, String action, String buttonLabel) {}

    /** @param participantsHref null for dates without enrolment */
    public record DateRow(String when, String where, String seats, String status, String statusClass, String note,
                          String changeHref, String participantsHref) {}

    public record HistoryRow(String when, String who, String what) {}
}
