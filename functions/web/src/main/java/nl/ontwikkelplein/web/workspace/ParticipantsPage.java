package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * The people of one date (or course), for staff: the list, attendance after the date, removal,
 * enrolling someone who phoned, a printable list and the CSV export.
 *
 * @param started  the date has begun: attendance can be marked
 * @param printing the attendance list for paper: no forms, a column to tick
 * @param rows     the people with a seat
 * @param waiting  the waitlist, first in line first
 * @param cancelled who cancelled (or was cancelled by staff); kept until the retention period ends
 * @param requests  requests waiting for their intake call, to accept or decline
 */
public record ParticipantsPage(StaffPage page, String offerTitle, String when, String seats, List<Row> rows, List<Row> waiting,
                               List<Row> cancelled, List<Row> requests, boolean started, boolean printing, String notice, Form form, List<Field> fields,
                               String actionBase, String csvHref, String printHref, String back) {
    /**
     * @param key        the enrolment's opaque key, only in POST bodies (never in a URL)
     * @param referredBy the professional who enrolled them, or null
     */
    public record Row(String name, String phone, String enrolledAt, String key, String attendance, String referredBy) {
        public boolean present() { return "PRESENT".equals(attendance); }

        public boolean absent() { return "ABSENT".equals(attendance); }
    }
}
