package nl.ontwikkelplein.api;

import nl.ontwikkelplein.domain.EnrolmentService;

/** Plain-Dutch outcome messages for JSON callers (the HTML pages word them in full). */
final class EnrolmentMessages {
    private EnrolmentMessages() {}

    static String text(EnrolmentService.Result result) {
        return switch (result.outcome()) {
            case ENROLLED -> "U bent aangemeld.";
            case REQUESTED -> "Uw aanvraag is ontvangen. De bibliotheek belt u voor een kennismakingsgesprek. Daarna hoort u of u mee kunt doen.";
            case WAITLISTED -> "Het is vol. U staat op plek " + result.position() + " van de wachtlijst. Komt er een plaats vrij, dan krijgt u die vanzelf.";
            case ALREADY_ENROLLED -> "U was al aangemeld voor deze bijeenkomst.";
            case FULL -> "Deze bijeenkomst is vol. Kies een andere datum.";
            case NO_ENROLMENT_NEEDED -> "Aanmelden is niet nodig. U kunt gewoon langskomen.";
            case CANCELLED -> "Deze bijeenkomst gaat niet door.";
            case PAST -> "Deze bijeenkomst is al begonnen of voorbij.";
            case NOT_FOUND -> "Deze bijeenkomst bestaat niet.";
            case WHOLE_COURSE -> "Dit is een cursus. U meldt zich aan voor alle lessen tegelijk, op de pagina van de cursus.";
            case CHOOSE_DATE -> "Kies eerst een datum. U meldt zich per datum aan.";
            case TRY_AGAIN -> "Er werd net iets veranderd aan deze cursus. U bent nog niet aangemeld. Probeer het nog een keer.";
        };
    }
}
