package nl.ontwikkelplein.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;

/** Writes sample pages to a folder, to look at them in a browser: {@code java ... Preview target/preview}. */
public final class Preview {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/preview");
        Files.createDirectories(dir.resolve("aanbod/klik-en-tik"));
        Pages pages = new Pages();
        Offer klik = Fixtures.klikEnTik();
        Offer taalcafe = new Offer("taalcafe", Fixtures.ORG.id(), "Taalcafé: samen Nederlands praten",
                "Oefen Nederlands praten in een kleine groep.", null, OfferKind.DROP_IN, ProgrammeLine.BASIC_SKILLS,
                List.of(), List.of("Anderstaligen"), DeliveryFormat.IN_PERSON, Price.FREE, "Taalhuis Hardenberg", null, null, null, Fixtures.NOW,
                List.of(new Session("wo-2-dec", LocalDateTime.parse("2026-12-02T10:00"), LocalDateTime.parse("2026-12-02T11:30"),
                        Fixtures.DEDEMSVAART.id(), null, 0, Session.SessionStatus.SCHEDULED)));
        Offer digi = new Offer("digisterker", Fixtures.ORG.id(), "Digisterker: werken met de e-overheid",
                "Leer DigiD gebruiken en zaken regelen met de gemeente.", null, OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS,
                List.of(), List.of(), DeliveryFormat.IN_PERSON, new Price(1250), null, null, EnrolmentScope.WHOLE_COURSE, null, Fixtures.NOW,
                List.of(new Session("do-3-dec", LocalDateTime.parse("2026-12-03T09:30"), LocalDateTime.parse("2026-12-03T12:00"),
                        Fixtures.HARDENBERG.id(), 8, 7, Session.SessionStatus.SCHEDULED),
                        new Session("do-10-dec", LocalDateTime.parse("2026-12-10T09:30"), LocalDateTime.parse("2026-12-10T12:00"),
                                Fixtures.HARDENBERG.id(), 8, 0, Session.SessionStatus.CANCELLED)));
        List<AgendaEntry> agenda = new java.util.ArrayList<>();
        for (Offer o : List.of(klik, taalcafe, digi)) for (Session s : o.sessions()) agenda.add(Fixtures.entry(o, s));
        Files.writeString(dir.resolve("index.html"), pages.home(agenda, Fixtures.LOCATIONS, Fixtures.ORGS, Fixtures.NOW));
        Files.writeString(dir.resolve("aanbod/klik-en-tik/index.html"), pages.offer(klik, Fixtures.LOCATIONS, Fixtures.ORG, Fixtures.NOW));
        Files.writeString(dir.resolve("404.html"), pages.notFound());
        Session s = klik.sessions().get(0);
        Files.writeString(dir.resolve("form.html"), pages.enrolmentForm(klik, s, Fixtures.HARDENBERG,
                List.of(new FieldError("phone", "Vul een telefoonnummer in waarop we u kunnen bellen, bijvoorbeeld 06 12345678."),
                        new FieldError("name", "Vul uw naam in.")), "", "06-123"));
        for (EnrolmentService.Outcome o : EnrolmentService.Outcome.values())
            Files.writeString(dir.resolve("result-" + o.name().toLowerCase() + ".html"),
                    pages.enrolmentResult(new EnrolmentService.Result(o, o == EnrolmentService.Outcome.NOT_FOUND ? null : klik,
                            o == EnrolmentService.Outcome.NOT_FOUND ? null : s), Fixtures.HARDENBERG));
    }
}
