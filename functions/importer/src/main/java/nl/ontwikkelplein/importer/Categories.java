package nl.ontwikkelplein.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Vocabulary;

/**
 * A partner's own words for what an offer is (iCalendar CATEGORIES, schema.org keywords) matched to
 * ours: a word that is one of our kinds, programme lines, themes or target groups (by its Dutch
 * label or its code, any case, with or without accents) counts as that; other words are left out.
 * Feeds that say nothing get the defaults: a meeting in personal development.
 */
final class Categories {
    static final OfferKind DEFAULT_KIND = OfferKind.MEETUP;
    static final ProgrammeLine DEFAULT_LINE = ProgrammeLine.PERSONAL_DEVELOPMENT;

    record Mapped(OfferKind kind, ProgrammeLine line, List<String> themes, List<String> targetGroups) {}

    private Categories() { }

    static Mapped of(List<String> words) {
        OfferKind kind = null;
        ProgrammeLine line = null;
        List<String> themes = new ArrayList<>(), groups = new ArrayList<>();
        for (String word : words) {
            String w = normal(word);
            if (w.isEmpty()) continue;
            for (OfferKind k : OfferKind.values()) if (kind == null && (w.equals(normal(k.label())) || w.equals(normal(k.name())))) kind = k;
            for (ProgrammeLine l : ProgrammeLine.values()) if (line == null && (w.equals(normal(l.label())) || w.equals(normal(l.name())))) line = l;
            for (String t : Vocabulary.THEMES) if (w.equals(normal(t)) && !themes.contains(t)) themes.add(t);
            for (String g : Vocabulary.TARGET_GROUPS) if (w.equals(normal(g)) && !groups.contains(g)) groups.add(g);
        }
        return new Mapped(kind == null ? DEFAULT_KIND : kind, line == null ? DEFAULT_LINE : line, List.copyOf(themes), List.copyOf(groups));
    }

    /** "Taalcafé " → "taalcafe", "E_LEARNING" → "e learning", "E-learning" → "e learning". */
    static String normal(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]+", " ").strip();
    }
}
