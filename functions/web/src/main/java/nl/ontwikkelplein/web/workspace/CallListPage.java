package nl.ontwikkelplein.web.workspace;

import java.util.List;

/**
 * The people staff should phone: they gave only a phone number, and their place or their date
 * changed; and messages that could not be sent. A tick says "called".
 *
 * @param toCall  still to phone, newest first
 * @param called  phoned already (recent), with who ticked it
 */
public record CallListPage(StaffPage page, String notice, List<Row> toCall, List<Row> called) {
    /**
     * @param what  what to tell them ("Er is een plaats vrij gekomen")
     * @param about the offer and date
     * @param key   the message's key, only in POST bodies
     */
    public record Row(String name, String phone, String what, String about, String why, String organisationId, String key, String handledBy) {}
}
