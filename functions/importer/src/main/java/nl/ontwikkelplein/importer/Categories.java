package nl.ontwikkelplein.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.PartnerFeed;
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
    /** Our words only: for feeds without a mapping of their own. */
    static final Categories DEFAULT = new Categories(List.of());

    record Mapped(OfferKind kind, ProgrammeLine line, List<String> themes, List<String> targetGroups) {}

    /** The feed's mapping, by the partner's word as {@link #normal} makes it. */
    private final java.util.Map<String, PartnerFeed.CategoryRule> rules = new java.util.LinkedHashMap<>();

    private Categories(List<PartnerFeed.CategoryRule> rules) {
        for (PartnerFeed.CategoryRule r : rules) if (!normal(r.partnerCategory()).isEmpty()) this.rules.putIfAbsent(normal(r.partnerCategory()), r);
    }

    /** A feed's own mapping ("Taal & Lezen" → Basisvaardigheden, taal), tried before our words. */
    static Categories of(PartnerFeed feed) {
        return feed == null || feed.categories().isEmpty() ? DEFAULT : new Categories(feed.categories());
    }

    /**
     * The partner's words through the feed's mapping first (the first mapped word with a line sets
     * the line; every mapped theme counts), then through ours, which fill in what the mapping left open.
     */
    Mapped map(List<String> words) {
        ProgrammeLine line = null;
        List<String> themes = new ArrayList<>();
        for (String word : words) {
            PartnerFeed.CategoryRule r = rules.get(normal(word));
            if (r == null) continue;
            if (line == null) line = r.programmeLine();
            if (r.theme() != null && !themes.contains(r.theme())) themes.add(r.theme());
        }
        Mapped ours = of(words);
        for (String t : ours.themes()) if (!themes.contains(t)) themes.add(t);
        boolean lineSaid = words.stream().anyMatch(w -> ourLine(normal(w)) != null);
        return new Mapped(ours.kind(), line != null && !lineSaid ? line : ours.line(), List.copyOf(themes), ours.targetGroups());
    }

    /** A CSV programme_line cell: the mapped line's code when the partner's word is mapped, else as written. */
    String line(String cell) {
        PartnerFeed.CategoryRule r = cell == null ? null : rules.get(normal(cell));
        return r != null && r.programmeLine() != null ? r.programmeLine().name() : cell;
    }

    /** CSV themes: each mapped word as its theme (a word mapped to a line only is left out), the rest as written. */
    List<String> themes(List<String> cells) {
        if (rules.isEmpty() || cells == null) return cells;
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            PartnerFeed.CategoryRule r = rules.get(normal(c));
            String t = r == null ? c : r.theme();
            if (t != null && !out.contains(t)) out.add(t);
        }
        return out;
    }

    static Mapped of(List<String> words) {
        OfferKind kind = null;
        ProgrammeLine line = null;
        List<String> themes = new ArrayList<>(), groups = new ArrayList<>();
        for (String word : words) {
            String w = normal(word);
            if (w.isEmpty()) continue;
            for (OfferKind k : OfferKind.values()) if (kind == null && (w.equals(normal(k.label())) || w.equals(normal(k.name())))) kind = k;
            if (line == null) line = ourLine(w);
            for (String t : Vocabulary.THEMES) if (w.equals(normal(t)) && !themes.contains(t)) themes.add(t);
            for (String g : Vocabulary.TARGET_GROUPS) if (w.equals(normal(g)) && !groups.contains(g)) groups.add(g);
        }
        return new Mapped(kind == null ? DEFAULT_KIND : kind, line == null ? DEFAULT_LINE : line, List.copyOf(themes), List.copyOf(groups));
    }

    /** One of our programme lines by its label or code, as {@link #normal} makes the word; null when it names none. */
    private static ProgrammeLine ourLine(String normalWord) {
        for (ProgrammeLine l : ProgrammeLine.values()) if (normalWord.equals(normal(l.label())) || normalWord.equals(normal(l.name()))) return l;
        return null;
    }

    /** "Taalcafé " → "taalcafe", "E_LEARNING" → "e learning", "E-learning" → "e learning". */
    static String normal(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]+", " ").strip();
    }
}
