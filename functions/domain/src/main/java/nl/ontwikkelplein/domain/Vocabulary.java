package nl.ontwikkelplein.domain;

import java.util.List;

/**
 * The themes and target groups staff choose from, so the public finder's filters stay few and
 * clear. Offers may carry other labels (imports, the API); the forms keep those.
 */
public final class Vocabulary {
    private Vocabulary() {}

    public static final List<String> THEMES = List.of(
            "lezen en schrijven", "taal", "Nederlands spreken", "rekenen en geld", "digitale vaardigheden", "e-overheid",
            "werk", "gezondheid", "opvoeding", "voorlezen", "cultuur", "techniek en maken");

    public static final List<String> TARGET_GROUPS = List.of(
            "volwassenen", "senioren", "werkzoekenden", "anderstaligen", "nieuwkomers", "ouders", "jongeren", "kinderen");
}
