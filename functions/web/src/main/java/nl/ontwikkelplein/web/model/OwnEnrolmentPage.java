package nl.ontwikkelplein.web.model;

import java.util.List;

/**
 * The private page of one enrolment.
 *
 * @param status     the box at the top: what the person's place is now
 * @param details    what, when, where, as label and value
 * @param icsHref    add to calendar; null when there is nothing to add (cancelled)
 * @param cancelHref the cancel form's page; null when cancelling here is no longer possible
 * @param data       what we keep about the person, as label and value
 */
public record OwnEnrolmentPage(PageMeta meta, String heading, ResultPage status, List<Detail> details, List<String> lessons,
                               String icsHref, String cancelHref, String cancelHelp, List<Detail> data, String dataHref, String eraseHref,
                               Link offerLink) {
    public record Detail(String label, String value) {}
}
