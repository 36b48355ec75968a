package nl.ontwikkelplein.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The languages an offer is given in, stored as ISO 639 codes ("nl", "ar"; "dse" for Dutch Sign
 * Language) and shown by their Dutch names. Most offers are in Dutch, so that is the default;
 * the list holds the languages people in Dutch libraries' courses and language cafés ask for.
 * Imports and forms may name a language by code, by Dutch or English name, or as a locale
 * ("nl-NL"); {@link #code} turns each into the code, or says it does not know it.
 */
public final class Languages {
    private Languages() {}

    public static final String DUTCH = "nl";
    public static final List<String> DEFAULT = List.of(DUTCH);
    /** An offer in more languages than this is mislabelled rather than multilingual. */
    public static final int MAX_PER_OFFER = 6;

    /** Code → Dutch name, in the order the forms offer them. */
    public static final Map<String, String> NAMES;
    /** Lower-case code, Dutch or English name, without accents → code. */
    private static final Map<String, String> LOOKUP = new java.util.HashMap<>();

    static {
        Map<String, String> names = new LinkedHashMap<>();
        String[][] known = {
                // After the names: ISO 639-2 codes (bibliographic and terminology), as OOAPI's teachingLanguage writes them.
                {"nl", "Nederlands", "dutch", "nld", "dut"}, {"en", "Engels", "english", "eng"}, {"ar", "Arabisch", "arabic", "ara"},
                {"tr", "Turks", "turkish", "tur"}, {"pl", "Pools", "polish", "pol"}, {"uk", "Oekraïens", "ukrainian", "ukr"},
                {"ti", "Tigrinya", "tigrinya", "tir"}, {"fa", "Perzisch", "persian", "farsi", "fas", "per"}, {"prs", "Dari", "dari"},
                {"so", "Somalisch", "somali", "som"}, {"ku", "Koerdisch", "kurdish", "kur"}, {"ber", "Berbers", "berber", "tamazight"},
                {"pap", "Papiaments", "papiamento"}, {"srn", "Sranantongo", "sranan tongo", "sranan"}, {"de", "Duits", "german", "deu", "ger"},
                {"fr", "Frans", "french", "fra", "fre"}, {"es", "Spaans", "spanish", "spa"}, {"pt", "Portugees", "portuguese", "por"},
                {"it", "Italiaans", "italian", "ita"}, {"ro", "Roemeens", "romanian", "ron", "rum"}, {"bg", "Bulgaars", "bulgarian", "bul"},
                {"ru", "Russisch", "russian", "rus"}, {"zh", "Chinees", "chinese", "zho", "chi"}, {"fy", "Fries", "frisian", "frysk", "fry"},
                {"dse", "Nederlandse Gebarentaal", "sign language of the netherlands", "ngt"}};
        for (String[] language : known) {
            names.put(language[0], language[1]);
            LOOKUP.put(language[0], language[0]);
            for (int i = 1; i < language.length; i++) LOOKUP.put(plain(language[i]), language[0]);
        }
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    /** The code of a language named by code, locale or name; null when unknown or blank. */
    public static String code(String named) {
        if (named == null) return null;
        String key = plain(named);
        if (key.isEmpty()) return null;
        String code = LOOKUP.get(key);
        if (code != null) return code;
        int dash = key.indexOf('-') >= 0 ? key.indexOf('-') : key.indexOf('_');
        return dash > 0 ? LOOKUP.get(key.substring(0, dash)) : null; // "nl-NL", "ar_MA"
    }

    /** The Dutch name of a code; the code itself when it is not one of {@link #NAMES}. */
    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    /** The Dutch names of codes, in their order ("Oekraïens", "Nederlands"). */
    public static List<String> names(List<String> codes) {
        return codes.stream().map(Languages::name).toList();
    }

    /** Known codes in the order of {@link #NAMES}: Dutch first (an offer holds no others, {@link #of}). */
    public static List<String> sorted(Set<String> codes) {
        List<String> out = new ArrayList<>();
        for (String code : NAMES.keySet()) if (codes.contains(code)) out.add(code);
        return out;
    }

    /**
     * What an offer stores: known codes without repeats; Dutch when none is given. Unknown names
     * are left out here; {@link OfferService} reports them to whoever typed them.
     */
    public static List<String> of(List<String> named) {
        if (named == null) return DEFAULT;
        Set<String> codes = new LinkedHashSet<>();
        for (String n : named) {
            String code = code(n);
            if (code != null) codes.add(code);
        }
        return codes.isEmpty() ? DEFAULT : List.copyOf(codes);
    }

    /** True when an offer's languages are just Dutch, so its page need not say so. */
    public static boolean onlyDutch(List<String> codes) {
        return codes.equals(DEFAULT);
    }

    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }
}
