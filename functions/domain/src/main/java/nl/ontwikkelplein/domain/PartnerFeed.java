package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A partner's feed as the regional admin keeps it in the workspace: where it is, what it is
 * written in, whose offers it brings, how its categories map to ours, and when it runs.
 *
 * @param id             also the source of the offers it brings ({@link Offer.Source#sourceId()})
 * @param url            may carry the partner's key in its query: shown to admins only, never logged
 * @param format         a reader's name ({@code csv}, {@code ical}, {@code schemaorg}, {@code ooapi})
 * @param categories     the partner's own categories mapped to a programme line and theme, tried before ours
 */
public record PartnerFeed(String id, String organisationId, String url, String format, Schedule schedule,
                          List<CategoryRule> categories, Instant createdAt, Instant updatedAt) {
    public PartnerFeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        schedule = schedule == null ? Schedule.NIGHTLY : schedule;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** When the nightly schedule runs the feed; "run now" works whatever this says. */
    public enum Schedule {
        NIGHTLY,
        /** Only in the night to Monday: for partners whose offer changes seldom. */
        WEEKLY,
        /** Never by itself (a partner's feed that is down for a while). */
        PAUSED
    }

    /**
     * A category as the partner writes it (compared without case or accents), and what it means
     * here; either may be null when the partner's word says only one of them.
     */
    public record CategoryRule(String partnerCategory, ProgrammeLine programmeLine, String theme) {
        public CategoryRule {
            Objects.requireNonNull(partnerCategory, "partnerCategory");
        }
    }

    public PartnerFeed withUpdatedAt(Instant at) {
        return new PartnerFeed(id, organisationId, url, format, schedule, categories, createdAt, at);
    }
}
