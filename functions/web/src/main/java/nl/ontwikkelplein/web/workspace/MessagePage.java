package nl.ontwikkelplein.web.workspace;

/**
 * A page that only says something: the link was sent, the link expired, no access, too many tries.
 *
 * @param paragraphs plain text, one paragraph each
 * @param link       where to go next (href), or null
 */
public record MessagePage(StaffPage page, String heading, java.util.List<String> paragraphs, String link, String linkText) {}
