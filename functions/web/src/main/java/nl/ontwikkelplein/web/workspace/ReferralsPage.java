package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * A professional's page: their own referrals with how each is doing, and the dates they can
 * enrol a client in.
 *
 * @param mine    their referrals, newest first
 * @param choices upcoming dates that take enrolments, filtered by {@code search}
 */
public record ReferralsPage(StaffPage page, String notice, List<Mine> mine, String search, List<Choice> choices) {
    /** @param status "Aangemeld", "Op de wachtlijst (plek 2)", "Afgemeld", "Aangemeld, is geweest" */
    public record Mine(String client, String offer, String when, String status) {}

    public record Choice(String offer, String when, String where, String href) {}
}
