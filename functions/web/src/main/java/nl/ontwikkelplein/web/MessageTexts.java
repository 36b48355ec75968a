package nl.ontwikkelplein.web;

import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.domain.MessageSender;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;

/**
 * The words of every message, short and in plain Dutch (B1): what, when, where, and what to do.
 * A text message stays within a few sentences; an email says the same with a greeting.
 */
public final class MessageTexts implements MessageSender.Texts {

    @Override
    public MessageSender.Text write(Message m, Enrolment e, Offer offer, Location location, String link) {
        Session s = m.sessionId() != null ? offer.session(m.sessionId()).orElse(null)
                : offer.courseSessions().stream().findFirst().orElse(offer.sessions().stream().findFirst().orElse(null));
        String title = offer.title();
        String when = s == null ? "" : DutchFormat.date(s.start().toLocalDate()) + ", " + DutchFormat.timeRange(s.start(), s.end());
        String where = Pages.placeName(offer, location, null);
        String place = where == null || where.isBlank() ? "" : ", " + (where.startsWith("Online") ? "online" : "in " + where);
        String note = m.note() == null ? "" : " " + m.note().strip() + (m.note().strip().endsWith(".") ? "" : ".");
        String subject;
        String body;
        switch (m.kind()) {
            case CONFIRMED -> {
                subject = "U bent aangemeld: " + title;
                body = "U bent aangemeld voor " + title + ", " + when + place + ". Kunt u niet? Meld u af: " + link;
            }
            case WAITLISTED -> {
                subject = "U staat op de wachtlijst: " + title;
                body = title + " is vol. U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u bericht. Uw aanmelding: " + link;
            }
            case REQUESTED -> {
                subject = "Uw aanvraag: " + title;
                body = "Uw aanvraag voor " + title + " is ontvangen. De bibliotheek belt u voor een kennismakingsgesprek. Uw aanmelding: " + link;
            }
            case PROMOTED -> {
                subject = "Er is een plaats voor u: " + title;
                body = "Goed nieuws: er is een plaats voor u bij " + title + ", " + when + place + ". Kunt u niet? Meld u af: " + link;
            }
            case CANCELLED -> {
                subject = "U bent afgemeld: " + title;
                body = "U bent afgemeld voor " + title + (when.isEmpty() ? "" : ", " + when) + ". Wilt u toch komen? Meld u opnieuw aan.";
            }
            case REMINDER -> {
                subject = "Morgen: " + title;
                body = "Morgen is " + title + ", " + when + place + ". Tot morgen! Kunt u niet? Meld u af: " + link;
            }
            case CHANGED -> {
                subject = "Er is iets veranderd: " + title;
                body = "Let op: " + title + " is veranderd. Het is nu " + when + place + "." + note + " Kunt u niet? Meld u af: " + link;
            }
            default -> { // CALLED_OFF
                subject = "Gaat niet door: " + title;
                body = title + (when.isEmpty() ? "" : ", " + when) + ", gaat niet door." + note + " Vragen? Bel de bibliotheek. Uw aanmelding: " + link;
            }
        }
        String email = "Beste " + e.name() + ",\n\n" + body + "\n\nMet vriendelijke groet,\nDe bibliotheek\n\n"
                + "U krijgt dit bericht omdat u zich hebt aangemeld via Ontwikkelplein.";
        return new MessageSender.Text(subject, body, email);
    }
}
