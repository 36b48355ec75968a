package nl.ontwikkelplein.web.model;

import java.util.List;

/**
 * The page of one offer.
 *
 * @param paragraphs the description as plain-text paragraphs, each a list of lines
 * @param provider   who gives it: the partner or the library organisation; may be null
 * @param languages  the languages it is given in, in words ("Nederlands en Arabisch"); null when only Dutch
 * @param moreInfo   only http(s) links; null when there is none
 * @param jsonLd     schema.org JSON, already safe to place inside a script element
 * @param course     for a course: its one enrolment form for all lessons (null otherwise)
 * @param courseNote for a course: how enrolment works, in words
 * @param period     for an offer that runs in a period instead of on dates: when and where, in words; null otherwise
 */
public record OfferPage(
        PageMeta meta,
        String id,
        String title,
        String summary,
        List<List<String>> paragraphs,
        String kind,
        String programmeLine,
        List<String> themes,
        List<String> targetGroups,
        String languages,
        String format,
        String price,
        String provider,
        Link moreInfo,
        List<SessionView> sessions,
        String jsonLd,
        SessionView course,
        String courseNote,
        PeriodView period) {

    /**
     * @param when    "Van maandag 6 september 2027 tot en met vrijdag 28 januari 2028."
     * @param where   the place and its address, or null when the feed names none
     * @param howTo   where the days and times and the enrolment come from
     */
    public record PeriodView(String when, String where, String howTo) {}
}
