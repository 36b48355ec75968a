package nl.ontwikkelplein.web.model;

/**
 * One session, formatted for reading.
 *
 * @param date         "dinsdag 1 december 2026"
 * @param time         "14.00 – 16.00 uur"
 * @param locationName "Bibliotheek Hardenberg", or "Online"
 * @param address      "Voorstraat 34, 7771 AB Hardenberg", may be empty
 * @param canEnrol     true when the session takes enrolments and has seats left, or room on its waitlist
 * @param formAction   where the enrolment form posts to
 */
public record SessionView(
        String id,
        String offerId,
        String date,
        String time,
        String isoStart,
        String locationName,
        String address,
        Availability availability,
        boolean canEnrol,
        String formAction) {

    /** The date as a heading: "Dinsdag 1 december 2026". */
    public String heading() {
        return date.isEmpty() ? date : date.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + date.substring(1);
    }

    /** Ids of form fields are unique per session, so several forms can share one page. */
    public String fieldId(String field) { return field + "-" + id; }

    public String errorId(String field) { return field + "-" + id + "-fout"; }

    public String hintId(String field) { return field + "-" + id + "-uitleg"; }

    public String headingId() { return "bijeenkomst-" + id; }

    public String formId() { return "aanmelden-" + id; }

    /** The calendar file of this date (from the API: 50,000 dates need no 50,000 objects in the bucket); null for a course's one form. */
    public String icsHref() { return "cursus".equals(id) ? null : "/api/offers/" + offerId + "/sessions/" + id + "/agenda.ics"; }

    /** The form's button: a full date with a waitlist takes people onto it. */
    public String buttonLabel() { return availability.state() == Availability.State.WAITLIST ? "Op de wachtlijst" : "Aanmelden"; }
}
