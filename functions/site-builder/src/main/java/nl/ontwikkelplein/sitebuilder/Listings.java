package nl.ontwikkelplein.sitebuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lists an offer page was published on, kept with the page (S3 user metadata), so a later
 * change re-renders the lists the offer leaves as well as those it joins.
 *
 * <p>Folders are sorted and front-coded ("12:2026-52/" = the previous folder's first 12
 * characters, then "2026-52/"), which keeps a weekly course's 30 folders in a few hundred
 * bytes. When that is still longer than {@link #MAX_LENGTH} (an offer on hundreds of dates),
 * week and day folders become wildcards ("agenda/*": every folder below agenda/), which makes
 * the next change re-render more, never less.
 */
final class Listings {
    /** S3 allows 2 KB of user metadata per object, keys included. */
    static final int MAX_LENGTH = 1_800;
    /** Everything: a page online without a listing (published before listings existed). */
    static final String EVERYTHING = "*";

    private static final Pattern DATED = Pattern.compile("^(agenda/|(?:bibliotheek|vestiging)/[a-z0-9-]+/week/).+$");

    private Listings() {}

    static String encode(SortedSet<String> folders) {
        String exact = frontCoded(folders);
        if (exact.length() <= MAX_LENGTH) return exact;
        SortedSet<String> coarse = new TreeSet<>();
        for (String f : folders) {
            Matcher m = DATED.matcher(f);
            coarse.add(m.matches() ? m.group(1) + "*" : f);
        }
        String wild = frontCoded(coarse);
        return wild.length() <= MAX_LENGTH ? wild : EVERYTHING;
    }

    /** Every folder of both listings; {@link #EVERYTHING} when either is. */
    static String union(String a, String b) {
        SortedSet<String> all = decode(a);
        SortedSet<String> other = decode(b);
        if (all.contains(EVERYTHING) || other.contains(EVERYTHING)) return EVERYTHING;
        all.addAll(other);
        return encode(all);
    }

    /** The folders, some ending in "*" (every folder below); {@link #EVERYTHING} alone for every folder. */
    static SortedSet<String> decode(String encoded) {
        SortedSet<String> out = new TreeSet<>();
        if (encoded == null || encoded.isBlank()) return out;
        if (encoded.strip().equals(EVERYTHING)) {
            out.add(EVERYTHING);
            return out;
        }
        String previous = "";
        for (String part : encoded.strip().split(" ")) {
            int colon = part.indexOf(':');
            int shared;
            try {
                shared = colon < 0 ? -1 : Integer.parseInt(part.substring(0, colon));
            } catch (NumberFormatException e) {
                shared = -1;
            }
            if (shared < 0 || shared > previous.length()) { // not ours: re-render everything rather than miss a list
                out.clear();
                out.add(EVERYTHING);
                return out;
            }
            String folder = previous.substring(0, shared) + part.substring(colon + 1);
            out.add(folder);
            previous = folder;
        }
        return out;
    }

    private static String frontCoded(SortedSet<String> folders) {
        List<String> parts = new ArrayList<>();
        String previous = "";
        for (String f : folders) {
            int shared = 0;
            int max = Math.min(previous.length(), f.length());
            while (shared < max && previous.charAt(shared) == f.charAt(shared)) shared++;
            parts.add(shared + ":" + f.substring(shared));
            previous = f;
        }
        return String.join(" ", parts);
    }
}
