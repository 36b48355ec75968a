package nl.ontwikkelplein.web.site;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.ProgrammeLine;

/**
 * "Wat wilt u leren?": the ways in for visitors who read with difficulty. Each tile is a short
 * label, a pictogram and a ready-made list at {@code /leren/{slug}/}. An offer belongs to a tile
 * when one of its themes or target groups contains one of the tile's words (editors and imports
 * use their own words: "rekenen", "geldzaken", "Nederlands spreken"), or by its programme line.
 */
public final class Tiles {
    private Tiles() {}

    /**
     * @param svg inline SVG, decorative (the label says it all), written here and never from input
     */
    public record Tile(String slug, String label, String heading, String intro, Set<String> themeWords, Set<String> groupWords,
                       Set<ProgrammeLine> lines, String svg) {
        public String href() { return "/leren/" + slug + "/"; }

        public boolean matches(Offer offer) {
            if (offer.programmeLine() != null && lines.contains(offer.programmeLine())) return true;
            for (String theme : offer.themes()) if (containsAny(theme, themeWords)) return true;
            for (String group : offer.targetGroups()) if (containsAny(group, groupWords)) return true;
            return false;
        }

        private static boolean containsAny(String label, Set<String> words) {
            String l = label.toLowerCase(Locale.ROOT);
            for (String w : words) if (l.contains(w)) return true;
            return false;
        }
    }

    private static String icon(String paths) {
        return "<svg class=\"op-tile__icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\" width=\"48\" height=\"48\""
                + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\" stroke-linejoin=\"round\">" + paths + "</svg>";
    }

    public static final List<Tile> ALL = List.of(
            new Tile("lezen-en-schrijven", "Beter lezen en schrijven", "Beter lezen en schrijven",
                    "Oefenen met lezen en schrijven. In een groep of met een vrijwilliger.",
                    Set.of("lezen en schrijven", "schrijven", "spelling", "laaggeletterd"), Set.of("laaggeletterd"), Set.of(),
                    icon("<path d=\"M4 5h6a2 2 0 0 1 2 2v12a2 2 0 0 0-2-2H4z\"/><path d=\"M20 5h-6a2 2 0 0 0-2 2v12a2 2 0 0 1 2-2h6z\"/>")),
            new Tile("computer-en-telefoon", "Computer of telefoon gebruiken", "Hulp bij de computer en telefoon",
                    "Leren werken met een computer, tablet of telefoon. En hulp bij DigiD en de overheid.",
                    Set.of("digita", "computer", "telefoon", "tablet", "e-overheid", "digid", "internet", "mediawijs"), Set.of(), Set.of(),
                    icon("<rect x=\"7\" y=\"2.5\" width=\"10\" height=\"19\" rx=\"2\"/><path d=\"M11 18.5h2\"/>")),
            new Tile("nederlands-leren", "Nederlands leren", "Nederlands leren",
                    "Nederlands leren en oefenen met praten. Ook als u net in Nederland woont.",
                    Set.of("nederlands", "nt2", "taalcafe", "taalcafé", "spreken"), Set.of("anderstalig", "nieuwkomer", "statushouder"), Set.of(),
                    icon("<path d=\"M4 5h11v8H9l-4 3v-3H4z\"/><path d=\"M15 9h5v8h-1v3l-3-3h-4v-2\"/>")),
            new Tile("rekenen-en-geld", "Rekenen en geld", "Rekenen en omgaan met geld",
                    "Rekenen in het dagelijks leven. En overzicht houden over uw geld.",
                    Set.of("reken", "geld", "financ", "budget"), Set.of(), Set.of(),
                    icon("<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M15 8.5a3.5 3.5 0 1 0 0 7\"/><path d=\"M7.5 11h5M7.5 13h5\"/>")),
            new Tile("werk-vinden", "Werk vinden", "Werk vinden",
                    "Hulp bij solliciteren, uw cv en het zoeken naar werk.",
                    Set.of("werk", "sollicit", "cv", "baan", "loopbaan"), Set.of("werkzoek"), Set.of(ProgrammeLine.WORK),
                    icon("<rect x=\"3\" y=\"7\" width=\"18\" height=\"13\" rx=\"2\"/><path d=\"M9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2\"/><path d=\"M3 12h18\"/>")),
            new Tile("gezond-leven", "Gezond leven", "Gezond leven",
                    "Over gezond eten, bewegen en goed voor uzelf zorgen.",
                    Set.of("gezond", "bewegen", "voeding", "zorg", "welzijn"), Set.of(), Set.of(),
                    icon("<path d=\"M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z\"/>")),
            new Tile("iets-nieuws", "Iets nieuws ontdekken", "Iets nieuws ontdekken",
                    "Lezingen, workshops en maken: voor iedereen die iets nieuws wil leren.",
                    Set.of("cultuur", "techniek", "maken", "kunst", "lezing", "muziek", "geschiedenis"), Set.of(),
                    Set.of(ProgrammeLine.PERSONAL_DEVELOPMENT, ProgrammeLine.ARTS_CULTURE),
                    icon("<path d=\"M9 18h6M10 21h4\"/><path d=\"M12 3a6 6 0 0 0-3.5 10.9V16h7v-2.1A6 6 0 0 0 12 3z\"/>")),
            new Tile("kinderen-en-ouders", "Voor kinderen en ouders", "Voor kinderen en ouders",
                    "Voorlezen, spelen met taal en tips over opvoeden.",
                    Set.of("voorlezen", "opvoed", "ouder", "kind", "peuter", "baby"), Set.of("ouder", "kind", "peuter", "baby"), Set.of(ProgrammeLine.YOUTH),
                    icon("<circle cx=\"8\" cy=\"6\" r=\"2.5\"/><circle cx=\"16.5\" cy=\"9\" r=\"2\"/><path d=\"M4 21v-6a4 4 0 0 1 8 0v6\"/><path d=\"M13.5 21v-4a3 3 0 0 1 6 0v4\"/>")));
}
