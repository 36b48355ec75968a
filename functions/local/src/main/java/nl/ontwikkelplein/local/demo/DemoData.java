package nl.ontwikkelplein.local.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Location.Address;
import nl.ontwikkelplein.domain.Location.LocationKind;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferInput.SessionInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Session;

/**
 * Demo data for the local stack: one library organisation with a main library and village
 * branches, a partner place, and offers drawn from the activities in the Hardenberg policy plan
 * (Klik &amp; Tik, Digisterker, Taalcafé, VoorleesExpress, Walk&amp;Talk, Kennislab, ...). Dates are
 * relative to the first start, so the agenda always has upcoming sessions. Offers go through
 * {@link OfferService}, so demo data obeys the same rules as an editor's.
 */
public final class DemoData {
    public static final String ORGANISATION = "bibliotheek-hardenberg";

    private DemoData() {}

    /** @return true when the demo data was loaded now, false when the catalog already had organisations */
    public static boolean loadIfEmpty(Catalog catalog, Clock clock) {
        if (!catalog.organisations().isEmpty()) return false;
        load(catalog, clock);
        return true;
    }

    static void load(Catalog catalog, Clock clock) {
        catalog.saveOrganisation(new Organisation(ORGANISATION, "Bibliotheek Hardenberg", "https://www.bibliotheekhardenberg.nl"));
        catalog.saveOrganisation(new Organisation("bibliotheek-ommen", "Bibliotheek Ommen", null));
        branch(catalog, "hardenberg", "Bibliotheek Hardenberg", "Voorstraat 34", "7772 AE", "Hardenberg", 52.5755, 6.6195, LocationKind.BRANCH);
        branch(catalog, "dedemsvaart", "Bibliotheek Dedemsvaart", "Julianastraat 7", "7701 GD", "Dedemsvaart", 52.6005, 6.4600, LocationKind.BRANCH);
        branch(catalog, "balkbrug", "Bibliotheek Balkbrug", "Burgemeester Rozemaweg 2", "7707 AA", "Balkbrug", 52.5990, 6.3810, LocationKind.BRANCH);
        branch(catalog, "gramsbergen", "Bibliotheek Gramsbergen", "Esweg 1", "7783 BA", "Gramsbergen", 52.6090, 6.6740, LocationKind.BRANCH);
        branch(catalog, "bergentheim", "Bibliotheek Bergentheim", "Kerkweg 9", "7691 BB", "Bergentheim", 52.5270, 6.6080, LocationKind.BRANCH);
        branch(catalog, "kloosterhaar", "Bibliotheek Kloosterhaar", "Dorpsstraat 51", "7694 AA", "Kloosterhaar", 52.5120, 6.6560, LocationKind.BRANCH);
        branch(catalog, "marienberg", "Bibliotheek Mariënberg", "Stationsweg 4", "7692 PA", "Mariënberg", 52.5090, 6.5750, LocationKind.BRANCH);
        branch(catalog, "de-baron", "De Baron, ontmoetingscentrum", "Baron van Dedemstraat 2", "7772 CA", "Hardenberg", 52.5790, 6.6230, LocationKind.PARTNER);
        catalog.saveLocation(new Location("online", ORGANISATION, "Online", LocationKind.ONLINE, new Address(null, null, null), null, null));

        OfferService offers = new OfferService(catalog, clock);
        LocalDate today = LocalDate.now(clock.withZone(Session.ZONE));
        for (OfferInput offer : offers(today)) offers.create(offer);
    }

    private static void branch(Catalog catalog, String id, String name, String street, String postcode, String city,
                               double lat, double lon, LocationKind kind) {
        catalog.saveLocation(new Location(id, ORGANISATION, name, kind, new Address(street, postcode, city), lat, lon));
    }

    private static List<OfferInput> offers(LocalDate today) {
        List<OfferInput> o = new ArrayList<>();
        o.add(offer("Klik & Tik: de basis", "Leer in uw eigen tempo typen, e-mailen en internetten.",
                "Een cursus voor beginners. Via filmpjes ziet u eenvoudige uitleg. Daarna oefent u zelf. Een vrijwilliger helpt u als u vastloopt. U hoeft geen computer mee te nemen.",
                "COURSE", "BASIC_SKILLS", List.of("digitale vaardigheden"), List.of("volwassenen", "senioren", "werkzoekenden"), 0, null,
                weekly(today, DayOfWeek.TUESDAY, 10, 0, 12, 0, "hardenberg", 8, 6)));
        o.add(offer("Klik & Tik in Dedemsvaart", "Dezelfde beginnerscursus, dichtbij huis.",
                "Leer typen, e-mailen en internetten in een kleine groep in de bibliotheek van Dedemsvaart.",
                "COURSE", "BASIC_SKILLS", List.of("digitale vaardigheden"), List.of("volwassenen", "senioren"), 0, null,
                weekly(today, DayOfWeek.THURSDAY, 14, 0, 16, 0, "dedemsvaart", 6, 6)));
        o.add(offer("Digisterker: werken met de e-overheid", "Leer zaken regelen met de overheid via internet, zoals toeslagen en DigiD.",
                "In een kleine groep oefent u stap voor stap met de websites van de overheid. U leert inloggen met DigiD, een toeslag aanvragen en een verhuizing doorgeven. Neem als u die hebt uw DigiD-gegevens mee.",
                "COURSE", "BASIC_SKILLS", List.of("digitale vaardigheden", "e-overheid"), List.of("volwassenen", "senioren"), 0, null,
                weekly(today, DayOfWeek.WEDNESDAY, 13, 30, 15, 30, "hardenberg", 10, 4)));
        o.add(offer("Taalcafé", "Samen Nederlands praten bij een kop koffie.",
                "Wilt u beter Nederlands spreken? Kom naar het Taalcafé. U praat in kleine groepjes over gewone dingen. Vrijwilligers helpen. Aanmelden is niet nodig.",
                "MEETUP", "BASIC_SKILLS", List.of("taal", "Nederlands spreken"), List.of("anderstaligen", "nieuwkomers"), 0, "Taalhuis Hardenberg",
                weekly(today, DayOfWeek.MONDAY, 19, 0, 20, 30, "hardenberg", null, 8)));
        o.add(offer("Tabletcafé", "Vragen over uw tablet of smartphone? Loop binnen.",
                "Neem uw tablet of smartphone mee. Vrijwilligers en andere bezoekers helpen u met apps, foto's, WhatsApp en internet.",
                "DROP_IN", "BASIC_SKILLS", List.of("digitale vaardigheden"), List.of("senioren"), 0, null,
                weekly(today, DayOfWeek.FRIDAY, 10, 0, 11, 30, "gramsbergen", null, 6)));
        o.add(offer("Taalhuis: inloopspreekuur", "Hulp bij lezen, schrijven, rekenen of de computer. Gratis en zonder afspraak.",
                "Vindt u lezen, schrijven of rekenen moeilijk? Of wilt u iemand helpen die dat moeilijk vindt? In het Taalhuis zoeken we samen met u naar een cursus of een taalmaatje die bij u past.",
                "DROP_IN", "BASIC_SKILLS", List.of("taal", "rekenen", "digitale vaardigheden"), List.of("volwassenen", "laaggeletterden"), 0, "Taalhuis Hardenberg",
                weekly(today, DayOfWeek.WEDNESDAY, 10, 0, 12, 0, "hardenberg", null, 8)));
        o.add(offer("VoorleesExpress: word voorlezer", "Informatieavond voor nieuwe vrijwilligers.",
                "Twintig weken lang leest u elke week voor bij een gezin thuis. Zo helpt u kinderen van 2 tot 8 jaar met hun taal. Op deze avond hoort u hoe het werkt.",
                "MEETUP", "YOUTH", List.of("voorlezen", "vrijwilligerswerk"), List.of("vrijwilligers"), 0, null,
                once(today, 9, 19, 30, 21, 0, "hardenberg", 30)));
        o.add(offer("Boekstart: voorleesochtend voor baby's en peuters", "Samen voorlezen, zingen en boekjes kijken.",
                "Voor ouders en verzorgers met kinderen van 0 tot 4 jaar. We lezen voor en zingen liedjes. Daarna is er tijd om boekjes te lenen.",
                "MEETUP", "YOUTH", List.of("voorlezen", "taalontwikkeling"), List.of("ouders", "kinderen 0-4 jaar"), 0, null,
                weekly(today, DayOfWeek.SATURDAY, 10, 0, 10, 45, "bergentheim", 12, 4)));
        o.add(offer("Walk&Talk voor werkzoekenden", "Netwerken, ervaringen delen en elke keer een gastspreker.",
                "Een gratis bijeenkomst voor iedereen die (ander) werk zoekt. U ontmoet anderen en deelt tips. Elke keer vertelt een gastspreker over een thema, zoals online solliciteren, werken als zzp'er of uw cv.",
                "MEETUP", "WORK", List.of("werk", "netwerken", "solliciteren"), List.of("werkzoekenden"), 0, null,
                biweekly(today, DayOfWeek.THURSDAY, 9, 30, 11, 30, "de-baron", 20, 4)));
        o.add(offer("Sollicitatietraining: uw cv en online solliciteren", "Maak een sterk cv en leer solliciteren via internet.",
                "In twee ochtenden maakt u uw cv af en oefent u met vacaturesites. Neem als u die hebt een laptop en uw oude cv mee.",
                "COURSE", "WORK", List.of("werk", "solliciteren", "digitale vaardigheden"), List.of("werkzoekenden"), 0, "UWV en Bibliotheek Hardenberg",
                weekly(today, DayOfWeek.TUESDAY, 9, 30, 12, 0, "hardenberg", 12, 2)));
        o.add(offer("Kennislab: 3D-printen voor beginners", "Ontwerp en print uw eigen voorwerp.",
                "In het Kennislab leert u een eenvoudig ontwerp maken op de computer. Daarna print u het met de 3D-printer. Voor iedereen vanaf 12 jaar. De prijs is voor het materiaal.",
                "WORKSHOP", "PERSONAL_DEVELOPMENT", List.of("techniek", "maken"), List.of("jongeren", "volwassenen"), 500, "Cultuurkoepel Vechtdal",
                once(today, 11, 14, 0, 16, 30, "hardenberg", 8)));
        o.add(offer("Kennislab: open werkplaats", "Werk aan uw eigen idee met de machines van het Kennislab.",
                "Elke week is het Kennislab open voor iedereen met een idee: scholieren, ondernemers, kunstenaars. Een begeleider helpt met de lasersnijder en de 3D-printers.",
                "DROP_IN", "PERSONAL_DEVELOPMENT", List.of("techniek", "maken", "ondernemen"), List.of("scholieren", "ondernemers", "volwassenen"), 0, "Cultuurkoepel Vechtdal",
                weekly(today, DayOfWeek.WEDNESDAY, 15, 0, 18, 0, "hardenberg", null, 6)));
        o.add(offer("Conversatieles Nederlands", "Oefen met praten in een vaste groep.",
                "Een cursus van zes lessen voor mensen die al een beetje Nederlands spreken. U oefent gesprekken bij de dokter, op school en in de winkel.",
                "COURSE", "BASIC_SKILLS", List.of("taal", "Nederlands spreken"), List.of("anderstaligen", "nieuwkomers"), 0, "Taalhuis Hardenberg",
                weekly(today, DayOfWeek.MONDAY, 13, 30, 15, 0, "de-baron", 10, 6)));
        o.add(offer("Grip op je geld", "Leer uw geldzaken overzichtelijk te houden.",
                "Hoe houdt u overzicht over uw rekeningen? Hoe leest u een brief van de Belastingdienst? In deze workshop oefent u met echte voorbeelden. Rekenen hoeft u niet goed te kunnen.",
                "WORKSHOP", "BASIC_SKILLS", List.of("rekenen", "geldzaken"), List.of("volwassenen"), 0, "Schuldhulpmaatje",
                once(today, 16, 19, 0, 21, 0, "dedemsvaart", 15)));
        o.add(offer("Oefenen met DigiD en veilig internetten", "Herken nepmails en log veilig in.",
                "U leert hoe u DigiD gebruikt en hoe u nepmails en valse websites herkent. Neem uw eigen telefoon of tablet mee.",
                "WORKSHOP", "BASIC_SKILLS", List.of("digitale vaardigheden", "veiligheid"), List.of("senioren", "volwassenen"), 0, null,
                once(today, 5, 14, 0, 16, 0, "balkbrug", 10)));
        o.add(offer("Smartphonecursus voor senioren", "Bellen, appen en foto's maken zonder zorgen.",
                "In vier lessen leert u de belangrijkste dingen van uw smartphone. U werkt op uw eigen toestel. Er zijn genoeg vrijwilligers om u te helpen.",
                "COURSE", "BASIC_SKILLS", List.of("digitale vaardigheden"), List.of("senioren"), 1000, null,
                weekly(today, DayOfWeek.THURSDAY, 10, 0, 12, 0, "kloosterhaar", 8, 4)));
        o.add(offer("Lezing: nepnieuws herkennen", "Hoe weet u of iets op internet waar is?",
                "Een journalist laat zien hoe nepnieuws werkt en hoe u het herkent. Met veel voorbeelden en tijd voor vragen.",
                "LECTURE", "PERSONAL_DEVELOPMENT", List.of("mediawijsheid"), List.of("volwassenen"), 0, null,
                once(today, 12, 20, 0, 21, 30, "hardenberg", 60)));
        o.add(offer("Groot Hardenbergs Dictee", "Doe mee met het jaarlijkse dictee.",
                "Test uw spelling in het Groot Hardenbergs Dictee. Iedereen mag meedoen. Na afloop hoort u de uitslag en is er een drankje.",
                "MEETUP", "PERSONAL_DEVELOPMENT", List.of("taal", "spelling"), List.of("volwassenen"), 0, "De Toren",
                once(today, 20, 19, 30, 22, 0, "hardenberg", 80)));
        o.add(offer("Leesclub", "Praat elke maand met anderen over een boek.",
                "In de leesclub leest iedereen hetzelfde boek. Eén keer per maand praten we erover. Nieuwe leden zijn welkom.",
                "MEETUP", "PERSONAL_DEVELOPMENT", List.of("lezen", "ontmoeting"), List.of("volwassenen"), 0, null,
                monthly(today, 19, 30, 21, 0, "marienberg", 12, 3)));
        o.add(offer("Taal voor het leven: word taalvrijwilliger", "Help iemand beter lezen, schrijven of rekenen.",
                "Als taalvrijwilliger helpt u iemand die moeite heeft met taal. U krijgt eerst een korte training. Op deze bijeenkomst hoort u er alles over.",
                "MEETUP", "BASIC_SKILLS", List.of("taal", "vrijwilligerswerk"), List.of("vrijwilligers"), 0, "Taalhuis Hardenberg",
                once(today, 8, 19, 30, 21, 0, "hardenberg", 25)));
        o.add(offer("Programmeren voor kinderen", "Maak je eigen spel met Scratch.",
                "Voor kinderen van 8 tot 12 jaar. Je leert stap voor stap programmeren en maakt je eigen computerspel.",
                "WORKSHOP", "YOUTH", List.of("programmeren", "techniek"), List.of("kinderen 8-12 jaar"), 300, "Cultuurkoepel Vechtdal",
                weekly(today, DayOfWeek.WEDNESDAY, 14, 0, 15, 30, "gramsbergen", 10, 3)));
        o.add(offer("Gezond leven: informatie die u begrijpt", "Leer gezondheidsinformatie vinden en begrijpen.",
                "Wat betekent de bijsluiter? Hoe maakt u een afspraak bij de huisarts via internet? Samen met de GGD oefent u met echte voorbeelden.",
                "WORKSHOP", "BASIC_SKILLS", List.of("gezondheid", "taal"), List.of("volwassenen", "senioren"), 0, "GGD IJsselland",
                once(today, 13, 10, 0, 12, 0, "de-baron", 12)));
        o.add(offer("Online startbijeenkomst Oefenen.nl", "Oefen thuis met taal, rekenen en computer.",
                "Op Oefenen.nl oefent u gratis en in uw eigen tempo. In deze online bijeenkomst laten we zien hoe het werkt. U krijgt een link na het aanmelden.",
                "E_LEARNING", "BASIC_SKILLS", List.of("taal", "rekenen", "digitale vaardigheden"), List.of("volwassenen"), 0, "Stichting Expertisecentrum Oefenen.nl",
                once(today, 6, 19, 0, 20, 0, "online", 25), "ONLINE"));
        o.add(offer("Schrijfcafé", "Schrijf en deel korte verhalen met anderen.",
                "Een avond voor iedereen die graag schrijft. We krijgen een opdracht, schrijven en lezen voor aan elkaar. Beginners zijn welkom.",
                "MEETUP", "ARTS_CULTURE", List.of("schrijven", "ontmoeting"), List.of("volwassenen"), 0, null,
                monthly(today, 19, 30, 21, 30, "dedemsvaart", 14, 3)));
        return o;
    }

    private static OfferInput offer(String title, String summary, String description, String kind, String line,
                                    List<String> themes, List<String> groups, long cents, String provider, List<SessionInput> sessions) {
        return offer(title, summary, description, kind, line, themes, groups, cents, provider, sessions, "IN_PERSON");
    }

    private static OfferInput offer(String title, String summary, String description, String kind, String line,
                                    List<String> themes, List<String> groups, long cents, String provider,
                                    List<SessionInput> sessions, String format) {
        // A course of several lessons takes one enrolment for all of them.
        String scope = "COURSE".equals(kind) && sessions.size() > 1 ? "WHOLE_COURSE" : null;
        return new OfferInput(ORGANISATION, title, summary, description, kind, line, themes, groups, format, cents,
                provider, null, scope, sessions);
    }

    private static List<SessionInput> weekly(LocalDate today, DayOfWeek day, int h1, int m1, int h2, int m2, String location, Integer seats, int count) {
        return everyWeeks(1, today, day, h1, m1, h2, m2, location, seats, count);
    }

    private static List<SessionInput> biweekly(LocalDate today, DayOfWeek day, int h1, int m1, int h2, int m2, String location, Integer seats, int count) {
        return everyWeeks(2, today, day, h1, m1, h2, m2, location, seats, count);
    }

    private static List<SessionInput> everyWeeks(int weeks, LocalDate today, DayOfWeek day, int h1, int m1, int h2, int m2,
                                                 String location, Integer seats, int count) {
        List<SessionInput> out = new ArrayList<>();
        LocalDate first = today.plusDays(1).with(TemporalAdjusters.nextOrSame(day));
        for (int i = 0; i < count; i++) out.add(session(first.plusWeeks((long) weeks * i), h1, m1, h2, m2, location, seats));
        return out;
    }

    private static List<SessionInput> monthly(LocalDate today, int h1, int m1, int h2, int m2, String location, Integer seats, int count) {
        List<SessionInput> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(session(today.plusDays(10).plusMonths(i), h1, m1, h2, m2, location, seats));
        return out;
    }

    private static List<SessionInput> once(LocalDate today, int inDays, int h1, int m1, int h2, int m2, String location, Integer seats) {
        return List.of(session(today.plusDays(inDays), h1, m1, h2, m2, location, seats));
    }

    private static SessionInput session(LocalDate date, int h1, int m1, int h2, int m2, String location, Integer seats) {
        return new SessionInput(null, LocalDateTime.of(date, LocalTime.of(h1, m1)).toString(),
                LocalDateTime.of(date, LocalTime.of(h2, m2)).toString(), location, seats, null);
    }
}
