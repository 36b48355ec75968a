package nl.ontwikkelplein.workspace;

import java.time.Duration;
import nl.ontwikkelplein.domain.Mail;
import nl.ontwikkelplein.domain.StaffSignIn;

/** The sign-in email, in plain Dutch; the HTML part is the same text with the link as a link. */
final class SignInMail implements StaffSignIn.LinkMail {
    static final String SUBJECT = "Inloggen bij Ontwikkelplein";

    @Override
    public Mail compose(String to, String name, String linkUrl, Duration validFor) {
        String minutes = validFor.toMinutes() + " minuten";
        String text = "Beste " + name + ",\n\n"
                + "Klik op deze link om in te loggen bij Ontwikkelplein beheer:\n" + linkUrl + "\n\n"
                + "De link werkt " + minutes + " en maar één keer. Open hem in dezelfde browser waarin u de link hebt aangevraagd.\n\n"
                + "Hebt u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren.\n";
        String html = "<p>Beste " + escape(name) + ",</p>"
                + "<p><a href=\"" + escape(linkUrl) + "\">Klik hier om in te loggen bij Ontwikkelplein beheer</a>.</p>"
                + "<p>De link werkt " + minutes + " en maar één keer. Open hem in dezelfde browser waarin u de link hebt aangevraagd.</p>"
                + "<p>Hebt u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren.</p>";
        return new Mail(to, SUBJECT, text, html);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
