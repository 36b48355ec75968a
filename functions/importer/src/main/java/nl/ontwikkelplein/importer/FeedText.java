package nl.ontwikkelplein.importer;

import java.util.regex.Pattern;

/** Text from a feed as our pages take it: plain, trimmed, within the lengths an offer allows. */
final class FeedText {
    /** HTML elements that feeds put in text; "<uw paspoort>" is not one of them and stays text (our pages escape it). */
    private static final String ELEMENTS = "(?:a|abbr|b|big|blockquote|br|center|code|del|div|em|font|h[1-6]|hr|i|img|ins|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)";
    private static final Pattern TAG = Pattern.compile("(?is)</?" + ELEMENTS + "\\b[^>]*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>|</tr>|<hr\\s*/?>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    private FeedText() { }

    /**
     * A description as plain text: calendar programs, OOAPI and web pages put HTML in it, which would
     * otherwise show as tags (our pages escape it). At most 5,000 characters, which is what a page shows.
     */
    static String plain(String text) {
        if (text == null || text.isBlank()) return null;
        // Cut before the patterns run: a hostile text of a megabyte of unclosed tags would make them slow.
        String t = text.length() > 12_000 ? text.substring(0, 12_000) : text;
        if (t.indexOf('<') >= 0 || t.indexOf('&') >= 0) {
            t = TAG.matcher(BREAK.matcher(HIDDEN.matcher(t).replaceAll("")).replaceAll("\n")).replaceAll("");
            t = entities(t);
        }
        t = t.replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        if (t.length() > 5000) t = t.substring(0, 4999).strip() + "…";
        return t.isEmpty() ? null : t;
    }

    private static final String CALLED_OFF_WORD = "(?:geannuleerd|afgelast|vervallen|gaat niet door|cancell?ed)";
    /** The word in brackets, or followed by a dash, colon or bar; possessive, so hostile runs of dashes cost one pass. */
    private static final java.util.regex.Pattern CALLED_OFF = java.util.regex.Pattern.compile(
            "(?iu)^\\s*+(?:[\\[(]\\s*+" + CALLED_OFF_WORD + "\\s*+[\\])]|" + CALLED_OFF_WORD + "(?:\\s*+[-–—:|])++)(?:\\s*+[-–—:|])*+\\s*+");

    /**
     * A called-off event's title without the "GEANNULEERD - " or "CANCELLED: " that partners put in
     * front (schema.org's own example does): our pages say "Gaat niet door" themselves, and the
     * offer keeps one title whether or not it goes ahead. A title that is only that word stays.
     */
    static String withoutCalledOff(String title) {
        if (title == null) return null;
        java.util.regex.Matcher m = CALLED_OFF.matcher(title);
        if (!m.find() || m.end() >= title.length()) return title;
        return title.substring(m.end()).strip();
    }

    /** A title or name on one line, or null; longer than {@code max} is cut at a word with an ellipsis. */
    static String line(String text, int max) {
        if (text == null) return null;
        String head = text.length() > 2_000 ? text.substring(0, 2_000) : text;
        String t = entities(TAG.matcher(HIDDEN.matcher(head).replaceAll("")).replaceAll("")).replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) return null;
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    private static String entities(String t) {
        String s = NUMERIC_ENTITY.matcher(t).replaceAll(m -> {
            try {
                int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
                return Character.isValidCodePoint(cp) && cp >= 0x20 ? java.util.regex.Matcher.quoteReplacement(Character.toString(cp)) : "";
            } catch (NumberFormatException e) {
                return "";
            }
        });
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&euro;", "€").replace("&eacute;", "é").replace("&euml;", "ë").replace("&amp;", "&");
    }
}
