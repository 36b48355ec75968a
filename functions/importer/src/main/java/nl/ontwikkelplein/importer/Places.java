package nl.ontwikkelplein.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;

/** Where a feed says an offer takes place, as one of our places: "Online", or a name with an address. */
final class Places {
    static final int MAX_NAME = 120;
    static final FeedLocation ONLINE = new FeedLocation("Online", new Location.Address(null, null, null));

    private static final Pattern POSTCODE_CITY = Pattern.compile("(\\d{4})\\s?([A-Za-z]{2})\\s+(.+)");
    private static final Pattern POSTCODE = Pattern.compile("(\\d{4})\\s?([A-Za-z]{2})");
    private static final Pattern ONLINE_WORDS = Pattern.compile("(?i)^online$|teams\\.microsoft\\.com|zoom\\.us|meet\\.google\\.com|microsoft teams|jitsi");

    private Places() { }

    /** "Online", a video-call link, or the name of a meeting program. */
    static boolean saysOnline(String text) {
        return text != null && ONLINE_WORDS.matcher(text.strip()).find();
    }

    /**
     * A place as people write it on one line or several: "Name, Street 1, 1234 AB City".
     *
     * @throws IllegalArgumentException when its name is longer than {@value #MAX_NAME} characters (the reason, without the text)
     */
    static FeedLocation fromText(String text) {
        if (saysOnline(text)) return ONLINE;
        List<String> parts = new ArrayList<>();
        for (String p : text.split(text.contains("\n") ? "\\s*\\n\\s*" : "\\s*,\\s*")) if (!p.isBlank()) parts.add(p.strip());
        while (parts.size() > 1 && parts.get(parts.size() - 1).matches("(?i)nederland|netherlands|the netherlands|nl")) parts.remove(parts.size() - 1);
        String name = parts.get(0);
        String street = null, postcode = null, city = null;
        for (int i = 1; i < parts.size(); i++) {
            Matcher m = POSTCODE_CITY.matcher(parts.get(i));
            if (m.matches()) {
                postcode = m.group(1) + " " + m.group(2).toUpperCase(Locale.ROOT);
                city = m.group(3).strip();
                if (i >= 2) street = parts.get(i - 1);
                else if (name.matches(".*\\d+\\s*[A-Za-z]?")) street = name;
                break;
            }
        }
        if (postcode == null && parts.size() >= 3) {
            street = parts.get(1);
            city = parts.get(parts.size() - 1);
        } else if (postcode == null && parts.size() == 2) {
            if (parts.get(1).matches(".*\\d.*")) street = parts.get(1);
            else city = parts.get(1);
        }
        return named(name, street, postcode, city);
    }

    /** A place given in parts (schema.org PostalAddress, OOAPI address); the name falls back to the street and town. */
    static FeedLocation of(String name, String street, String postcode, String city) {
        String n = blank(name) ? null : name.strip();
        String s = blank(street) ? null : street.strip(), c = blank(city) ? null : city.strip();
        String p = null;
        if (!blank(postcode)) {
            Matcher m = POSTCODE.matcher(postcode.strip());
            p = m.matches() ? m.group(1) + " " + m.group(2).toUpperCase(Locale.ROOT) : postcode.strip();
        }
        if (n == null) n = s != null && c != null ? s + ", " + c : s != null ? s : c;
        if (n == null) return null;
        if (saysOnline(n)) return ONLINE;
        return named(n, s, p, c);
    }

    private static FeedLocation named(String name, String street, String postcode, String city) {
        if (name.length() > MAX_NAME) throw new IllegalArgumentException("De naam van de plaats is langer dan " + MAX_NAME + " tekens");
        return new FeedLocation(name, new Location.Address(street, postcode, city));
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
