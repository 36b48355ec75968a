package nl.ontwikkelplein.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentService;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.Languages;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.model.AgendaDay;
import nl.ontwikkelplein.web.model.AgendaItem;
import nl.ontwikkelplein.web.model.Availability;
import nl.ontwikkelplein.web.model.EnrolmentFormPage;
import nl.ontwikkelplein.web.model.FormState;
import nl.ontwikkelplein.web.model.HomePage;
import nl.ontwikkelplein.web.model.ListPage;
import nl.ontwikkelplein.web.model.OfferCard;
import nl.ontwikkelplein.web.model.Link;
import nl.ontwikkelplein.web.model.NotFoundPage;
import nl.ontwikkelplein.web.model.OfferPage;
import nl.ontwikkelplein.web.model.PageMeta;
import nl.ontwikkelplein.web.model.ResultPage;
import nl.ontwikkelplein.web.model.SessionView;

/**
 * The public pages as HTML strings, rendered from the jte templates in {@code site/templates}
 * (precompiled into this jar). Every value from editors, imports or visitors is escaped by jte
 * for the place it lands in; nothing is ever written as raw HTML except the JSON-LD, which
 * {@link Json} makes safe for a script element itself.
 *
 * <p>Thread-safe; build one and keep it.
 */
public final class Pages {
    public static final String SITE_NAME = "Ontwikkelplein";
    public static final String TAGLINE = "Leren in de bibliotheek";

    /** Built once per JVM (Lambda init, so it lands in the SnapStart snapshot). */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Pages.class.getClassLoader(), "nl.ontwikkelplein.web.jte");

    private final String assetVersion;
    private final String baseUrl;

    /** Pages that link the stylesheet without a version (fine for API responses). */
    public Pages() { this(null); }

    /** @param assetVersion a short hash of the assets, appended as {@code ?v=} so changed CSS is fetched at once */
    public Pages(String assetVersion) { this(assetVersion, null); }

    /**
     * @param baseUrl the site's public address ("https://agenda.example.nl", no trailing slash): canonical
     *                links become absolute. Null keeps them site-relative.
     */
    public Pages(String assetVersion, String baseUrl) {
        this.assetVersion = assetVersion;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    /** The public address pages are canonical under, or null. */
    public String baseUrl() { return baseUrl; }

    /** An absolute URL for a site path ("/thema/taal/"), or the path itself when no public address is known. */
    public String absolute(String path) { return baseUrl == null || path == null ? path : baseUrl + path; }

    /** What the layout needs to know about an indexable public page at {@code path}. */
    public PageMeta meta(String title, String description, String path) {
        return new PageMeta(title, description, absolute(path), false, assetVersion);
    }

    // ------------------------------------------------------------------ public pages

    /** The home page: the upcoming sessions, grouped by day. Sessions that started before {@code now} are left out. */
    public String home(List<AgendaEntry> upcoming, Map<String, Location> locations,
                       Map<String, Organisation> organisations, Instant now) {
        return home(new HomePage(homeMeta(), agendaDays(upcoming, locations, organisations, now)));
    }

    public PageMeta homeMeta() {
        return meta(SITE_NAME + " – " + TAGLINE, "Cursussen, workshops en inloopuren in de bibliotheek. Bijna altijd gratis.", "/");
    }

    public String home(HomePage page) { return render("home.jte", page); }

    /** A paged list of dates or offers. */
    public String list(ListPage page) { return render("list.jte", page); }

    /** Sessions grouped by day, earliest first; sessions that started before {@code now} are left out. */
    public List<AgendaDay> agendaDays(List<AgendaEntry> entries, Map<String, Location> locations,
                                      Map<String, Organisation> organisations, Instant now) {
        LocalDate today = DutchFormat.today(now);
        Map<LocalDate, List<AgendaItem>> byDay = new LinkedHashMap<>();
        entries.stream()
                .filter(e -> e.session() != null && !e.session().hasStarted(now))
                .sorted(Comparator.comparing((AgendaEntry e) -> e.session().startInstant()))
                .forEach(e -> byDay.computeIfAbsent(e.session().start().toLocalDate(), d -> new ArrayList<>()).add(agendaItem(e, locations, organisations)));
        List<AgendaDay> days = new ArrayList<>();
        byDay.forEach((day, items) -> days.add(new AgendaDay(DutchFormat.dayHeading(day, today), day.toString(), List.copyOf(items))));
        return List.copyOf(days);
    }

    /**
     * An offer in a list: its next date that is not called off (with how many more), place and
     * price; or the period it runs in. E-learning without dates has no next date.
     */
    public OfferCard offerCard(Offer offer, Map<String, Location> locations, Organisation organisation, Instant now) {
        List<Session> coming = offer.sessions().stream().filter(s -> !s.hasStarted(now) && !s.isCancelled())
                .sorted(Comparator.comparing(Session::startInstant)).toList();
        Session next = coming.isEmpty() ? null : coming.get(0);
        String when = next == null ? null : DutchFormat.dayHeading(next.start().toLocalDate(), DutchFormat.today(now))
                + ", " + DutchFormat.time(next.start().toLocalTime()) + " uur";
        String more = coming.size() <= 1 ? null : "en nog " + (coming.size() - 1) + " keer";
        String place = next == null ? (offer.format() == DeliveryFormat.ONLINE ? "Online" : "")
                : placeName(offer.format(), locations.get(next.locationId()), organisation, true);
        String isoWhen = next == null ? null : DutchFormat.isoWithOffset(next.start());
        if (next == null && offer.period() != null) {
            Offer.Period p = offer.period();
            when = DutchFormat.period(p);
            isoWhen = p.start().toString();
            if (p.locationId() != null) place = placeName(offer.format(), locations.get(p.locationId()), organisation, true);
        }
        Availability availability = null;
        if (next != null && offer.isCourse() && next.needsEnrolment()) {
            int left = offer.courseSeatsLeft();
            availability = withWaitlist(left > 0 ? new Availability(Availability.State.OPEN, DutchFormat.seatsLeft(left))
                    : new Availability(Availability.State.FULL, "Vol"), offer);
        } else if (next != null) {
            availability = withWaitlist(availability(next, false), offer);
        }
        return new OfferCard(offerPath(offer.id()), offer.title(), blankToNull(offer.summary()), label(offer.kind()), when,
                isoWhen, more, place, offer.price().label(), availability);
    }

    /** The page of one offer with its sessions that have not started yet, each with an enrolment form when it has seats left. */
    public String offer(Offer offer, Map<String, Location> locations, Organisation organisation, Instant now) {
        List<Session> upcoming = offer.sessions().stream()
                .filter(s -> !s.hasStarted(now))
                .sorted(Comparator.comparing(Session::startInstant))
                .toList();
        List<SessionView> sessions = upcoming.stream()
                .map(s -> sessionView(offer, s, locations.get(s.locationId()), organisation))
                .toList();
        SessionView course = null;
        String courseNote = null;
        if (offer.isCourse() && offer.status() == OfferStatus.CANCELLED) {
            courseNote = "Deze cursus gaat niet door. Aanmelden kan niet.";
        } else if (offer.isCourse()) {
            List<Session> lessons = offer.courseSessions();
            boolean started = lessons.isEmpty() || lessons.get(0).hasStarted(now);
            if (!started) course = courseView(offer, locations.get(lessons.get(0).locationId()), organisation);
            courseNote = started ? "De cursus is al begonnen. Aanmelden kan niet meer."
                    : "U meldt zich één keer aan voor alle " + (lessons.size() == 1 ? "lessen" : lessons.size() + " lessen") + ". Kom naar elke les.";
        }
        String provider = notBlank(offer.provider()) ? offer.provider() : organisation == null ? null : organisation.name();
        String moreInfoUrl = safeUrl(offer.moreInfoUrl());
        PageMeta meta = meta(offer.title(), describe(offer), offerPath(offer.id()));
        OfferPage page = new OfferPage(meta, offer.id(), offer.title(), blankToNull(offer.summary()),
                paragraphs(offer.description()),
                label(offer.kind()), label(offer.programmeLine()), offer.themes(), offer.targetGroups(),
                Languages.onlyDutch(offer.languages()) ? null : inWords(Languages.names(offer.languages())),
                offer.format().label(), offer.price().label(), provider,
                moreInfoUrl == null ? null : new Link(moreInfoUrl, "Meer informatie over " + offer.title()),
                sessions, OfferJsonLd.of(offer, upcoming, locations, organisation, baseUrl), course, courseNote, periodView(offer, locations, provider, now));
        return render("offer.jte", page);
    }

    /** When and where an offer without dates runs, and that its provider tells the days and times. */
    private static OfferPage.PeriodView periodView(Offer offer, Map<String, Location> locations, String provider, Instant now) {
        Offer.Period p = offer.period();
        if (p == null) return null;
        Location location = p.locationId() == null ? null : locations.get(p.locationId());
        String where = null;
        if (location != null) {
            String address = address(location);
            where = placeName(offer.format(), location, null, false) + (address.isEmpty() ? "" : ", " + address);
        } else if (offer.format() == DeliveryFormat.ONLINE) {
            where = "Online";
        }
        String who = provider == null ? "de aanbieder" : provider;
        String when = DutchFormat.period(p) + ".";
        String howTo = "Op welke dagen en hoe laat, hoort u van " + who + ". Aanmelden gaat ook via " + who + ".";
        if (offer.status() == OfferStatus.CANCELLED) {
            when += " Dit gaat niet door.";
            howTo = "Aanmelden kan niet.";
        } else if (!p.runsOnOrAfter(DutchFormat.today(now))) {
            when += " Deze periode is voorbij.";
            howTo = "Aanmelden kan niet meer. Vraag " + who + " wanneer het weer begint.";
        }
        return new OfferPage.PeriodView(when, where, howTo);
    }

    /** "Nederlands", "Nederlands en Arabisch", "Nederlands, Engels en Arabisch". */
    static String inWords(List<String> words) {
        if (words.size() <= 1) return words.isEmpty() ? "" : words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " en " + words.get(words.size() - 1);
    }

    /** For addresses that lead nowhere (404). */
    public String notFound() {
        return render("notFound.jte", new NotFoundPage(new PageMeta("Deze pagina bestaat niet", null, null, true, assetVersion)));
    }

    /** For requests the API refuses (too large, unreadable): what went wrong and what to do. */
    public String problem(String message) {
        return render("problem.jte", new nl.ontwikkelplein.web.model.ProblemPage(
                new PageMeta("Dat lukte niet", null, null, true, assetVersion), message));
    }

    // ------------------------------------------------------------------ answers to the enrolment form

    /**
     * The answer to a sent enrolment form, in plain Dutch, with a next step.
     *
     * @param location where the session is; may be null (unknown or online)
     */
    public String enrolmentResult(EnrolmentService.Result result, Location location) {
        Offer offer = result.offer();
        Session session = result.session();
        String title = offer == null ? null : offer.title();
        String when = session == null ? null : DutchFormat.dateWithoutYear(session.start().toLocalDate())
                + ", " + DutchFormat.time(session.start().toLocalTime()) + " uur";
        String where = session == null ? null : placeName(offer, location, null);
        Link offerLink = offer == null ? null : new Link(offerPath(offer.id()) + "#datums", "Bekijk de andere datums van " + offer.title());
        Link backToOffer = offer == null ? null : new Link(offerPath(offer.id()), "Terug naar " + offer.title());
        Link agenda = new Link("/", "Bekijk wat er nog meer is in de bibliotheek");

        String heading;
        ResultPage.Tone tone;
        List<String> messages = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Link manage = result.manageToken() == null ? null : new Link(manageUrl(result.manageToken()), "Uw aanmelding bekijken of afmelden");
        switch (result.outcome()) {
            case ENROLLED -> {
                heading = "U bent aangemeld";
                tone = ResultPage.Tone.SUCCESS;
                messages.add("U bent aangemeld voor " + title + " op " + when + ", " + in(where) + ".");
                if (offer.isCourse()) {
                    int lessons = offer.courseSessions().size();
                    messages.add(lessons > 1 ? "Dat is de eerste van " + lessons + " lessen. U bent aangemeld voor alle lessen."
                            : "U bent aangemeld voor de hele cursus.");
                }
                String address = address(location);
                if (!address.isEmpty()) messages.add("Het adres is: " + address + ".");
                messages.add("Kunt u toch niet? Meld u dan af met de link hieronder, of bel de bibliotheek. Dan kan iemand anders uw plaats krijgen.");
                messages.add("Bewaar de link naar uw aanmelding. Alleen met die link kunt u uw aanmelding zien.");
                if (manage != null) links.add(manage);
                links.add(backToOffer);
                links.add(agenda);
            }
            case REQUESTED -> {
                heading = "Uw aanvraag is ontvangen";
                tone = ResultPage.Tone.SUCCESS;
                messages.add("U wilt meedoen met " + title + (offer.isCourse() ? "" : " op " + when) + ". Bij deze activiteit hoort eerst een kennismakingsgesprek.");
                messages.add("De bibliotheek belt u om een afspraak te maken. Daarna hoort u of u mee kunt doen.");
                messages.add("Bewaar de link naar uw aanmelding. Alleen met die link kunt u uw aanmelding zien.");
                if (manage != null) links.add(manage);
                links.add(backToOffer);
                links.add(agenda);
            }
            case WAITLISTED -> {
                heading = "U staat op de wachtlijst";
                tone = ResultPage.Tone.INFO;
                messages.add(title + (offer.isCourse() ? " is vol." : " op " + when + " is vol."));
                messages.add("U staat op plek " + result.position() + " van de wachtlijst.");
                messages.add("Komt er een plaats vrij? Dan krijgt u die plaats vanzelf. Op de pagina van uw aanmelding ziet u of u een plaats hebt.");
                messages.add("Bewaar de link naar uw aanmelding. Alleen met die link kunt u uw aanmelding zien.");
                if (manage != null) links.add(manage);
                links.add(offerLink);
                links.add(agenda);
            }
            case ALREADY_ENROLLED -> {
                heading = "U was al aangemeld";
                tone = ResultPage.Tone.SUCCESS;
                messages.add("U was al aangemeld voor " + title + " op " + when + ", " + in(where) + ". U hoeft niets meer te doen.");
                messages.add("Kunt u toch niet? Bel de bibliotheek. Dan kan iemand anders uw plaats krijgen.");
                links.add(backToOffer);
                links.add(agenda);
            }
            case FULL -> {
                heading = offer.isCourse() ? "Deze cursus is vol" : "Deze bijeenkomst is vol";
                tone = ResultPage.Tone.WARNING;
                messages.add((offer.isCourse() ? title : title + " op " + when) + " is vol"
                        + (offer.enrolmentPolicy().hasWaitlist() ? ", en de wachtlijst ook" : "") + ". U bent niet aangemeld.");
                messages.add("Kies een andere datum.");
                links.add(offerLink);
                links.add(agenda);
            }
            case NO_ENROLMENT_NEEDED -> {
                heading = "U hoeft zich niet aan te melden";
                tone = ResultPage.Tone.INFO;
                messages.add("Voor " + title + " op " + when + " hoeft u zich niet aan te melden. U kunt gewoon komen, " + in(where) + ".");
                links.add(backToOffer);
                links.add(agenda);
            }
            case CANCELLED -> {
                heading = "Deze bijeenkomst gaat niet door";
                tone = ResultPage.Tone.WARNING;
                messages.add(title + (when == null ? "" : " op " + when) + " gaat niet door. U bent niet aangemeld.");
                messages.add("Kies een andere datum.");
                links.add(offerLink);
                links.add(agenda);
            }
            case PAST -> {
                heading = offer.isCourse() ? "Deze cursus is al begonnen" : "Deze bijeenkomst is al begonnen";
                tone = ResultPage.Tone.WARNING;
                messages.add(offer.isCourse() ? title + " is al begonnen. Aanmelden kan niet meer."
                        : title + " op " + when + " is al begonnen of voorbij. Aanmelden kan niet meer.");
                messages.add("Kies een andere datum.");
                links.add(offerLink);
                links.add(agenda);
            }
            case WHOLE_COURSE -> {
                heading = "Meld u aan voor de hele cursus";
                tone = ResultPage.Tone.INFO;
                messages.add(title + " is een cursus. U meldt zich één keer aan voor alle lessen. U bent nog niet aangemeld.");
                links.add(new Link(offerPath(offer.id()) + "#aanmelden-cursus", "Aanmelden voor " + title));
                links.add(agenda);
            }
            case CHOOSE_DATE -> {
                heading = "Kies eerst een datum";
                tone = ResultPage.Tone.INFO;
                messages.add("Voor " + title + " meldt u zich per datum aan. U bent nog niet aangemeld.");
                links.add(offerLink);
                links.add(agenda);
            }
            case TRY_AGAIN -> {
                heading = "Probeer het nog een keer";
                tone = ResultPage.Tone.WARNING;
                messages.add("Er werd net iets veranderd aan " + title + ". Daardoor bent u nog niet aangemeld.");
                messages.add("Probeer het nog een keer. Dan lukt het meestal wel.");
                links.add(new Link(offerPath(offer.id()) + "#aanmelden-cursus", "Aanmelden voor " + title));
                links.add(agenda);
            }
            default -> { // NOT_FOUND
                heading = "We kunnen deze bijeenkomst niet vinden";
                tone = ResultPage.Tone.WARNING;
                messages.add("Misschien is de datum veranderd, of gaat de activiteit niet meer door. U bent niet aangemeld.");
                if (offer != null) {
                    messages.add("Kies een datum op de pagina van " + title + ".");
                    links.add(new Link(offerPath(offer.id()) + "#datums", "Bekijk de datums van " + title));
                } else {
                    messages.add("Kijk in de agenda wat er binnenkort is.");
                }
                links.add(agenda);
            }
        }
        PageMeta meta = new PageMeta(heading, null, null, true, assetVersion);
        return render("enrolmentResult.jte", new ResultPage(meta, heading, tone, List.copyOf(messages), List.copyOf(links)));
    }

    /**
     * The enrolment form of one session again, after the server found problems: an error
     * summary at the top that links to the fields, the message at each field, and what the
     * visitor typed kept.
     *
     * @param location where the session is; may be null
     * @param errors   from {@link nl.ontwikkelplein.domain.InvalidInputException}; fields "name" and "phone"
     */
    public String enrolmentForm(Offer offer, Session session, Location location, List<FieldError> errors, String name, String phone) {
        return enrolmentForm(offer, session, location, errors, name, phone, null, false);
    }

    /** @param email and @param texts as typed: an optional address, and the box for text messages */
    public String enrolmentForm(Offer offer, Session session, Location location, List<FieldError> errors, String name, String phone,
                                String email, boolean texts) {
        SessionView view = offer.isCourse() ? courseView(offer, location, null) : sessionView(offer, session, location, null);
        List<FieldError> sorted = new ArrayList<>(errors == null ? List.of() : errors);
        sorted.sort(Comparator.comparingInt(e -> fieldOrder(e.field())));
        List<FormState.FieldMessage> messages = sorted.stream()
                .map(e -> new FormState.FieldMessage(e.field(), e.message(),
                        "#" + (fieldOrder(e.field()) < 3 ? view.fieldId(e.field()) : view.formId())))
                .toList();
        FormState form = new FormState(name, phone, email == null ? "" : email, texts, messages);
        String title = (form.hasErrors() ? "Fout: " : "") + "Aanmelden voor " + offer.title();
        PageMeta meta = new PageMeta(title, null, null, true, assetVersion);
        return render("enrolmentForm.jte", new EnrolmentFormPage(meta, offer.title(),
                new Link(offerPath(offer.id()), "Terug naar " + offer.title()), view, form));
    }

    // ------------------------------------------------------------------ helpers

    /** The private page of one enrolment: its secret is the whole key, so it is never logged or stored. */
    public static String manageUrl(String token) { return "/aanmelding/" + token; }

    /** The site-relative address of an offer's page. */
    public static String offerPath(String offerId) { return "/aanbod/" + offerId + "/"; }

    /** The address the enrolment form of a session posts to. */
    public static String enrolmentAction(String offerId, String sessionId) {
        return "/api/offers/" + offerId + "/sessions/" + sessionId + "/enrolments";
    }

    /** Only absolute http(s) links leave the site: never javascript:, data: or anything odd from an import. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank()) return null;
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) return null;
            if (uri.getHost() == null || uri.getHost().isBlank()) return null;
            return u;
        } catch (Exception e) {
            return null;
        }
    }

    private static int fieldOrder(String field) {
        return switch (field == null ? "" : field) {
            case "name" -> 0;
            case "phone" -> 1;
            case "email" -> 2;
            default -> 3;
        };
    }

    private static AgendaItem agendaItem(AgendaEntry e, Map<String, Location> locations, Map<String, Organisation> organisations) {
        Session s = e.session();
        Organisation org = e.organisationId() == null ? null : organisations.get(e.organisationId());
        return new AgendaItem(offerPath(e.offerId()), e.offerTitle(), label(e.kind()),
                DutchFormat.timeRange(s.start(), s.end()), DutchFormat.isoWithOffset(s.start()),
                placeName(e.format(), locations.get(s.locationId()), org, true),
                e.price() == null ? "Gratis" : e.price().label(), availability(s, e.offerStatus() == OfferStatus.CANCELLED));
    }

    private static SessionView sessionView(Offer offer, Session s, Location location, Organisation organisation) {
        Availability availability = withWaitlist(availability(s, offer.status() == OfferStatus.CANCELLED), offer);
        boolean open = availability.state() == Availability.State.OPEN || availability.state() == Availability.State.WAITLIST;
        return new SessionView(s.id(), offer.id(),
                DutchFormat.date(s.start().toLocalDate()),
                DutchFormat.timeRange(s.start(), s.end()), DutchFormat.isoWithOffset(s.start()),
                placeName(offer, location, organisation), address(location), availability,
                open && !offer.isCourse(), enrolmentAction(offer.id(), s.id()));
    }

    /** A full date or course of an offer with a waitlist still takes people: onto the waitlist. */
    private static Availability withWaitlist(Availability availability, Offer offer) {
        if (availability.state() != Availability.State.FULL || !offer.enrolmentPolicy().hasWaitlist()) return availability;
        return new Availability(Availability.State.WAITLIST, "Vol – u kunt op de wachtlijst");
    }

    /**
     * A course's one form, shaped like a session so the same form partial serves it: the first
     * lesson's time and place, the fewest seats left in any lesson, posting to the course endpoint.
     */
    private static SessionView courseView(Offer offer, Location firstLocation, Organisation organisation) {
        Session first = offer.courseSessions().get(0);
        int left = offer.courseSeatsLeft();
        Availability availability = withWaitlist(left > 0 ? new Availability(Availability.State.OPEN, DutchFormat.seatsLeft(left))
                : new Availability(Availability.State.FULL, "Vol"), offer);
        return new SessionView("cursus", offer.id(),
                "de cursus die begint op " + DutchFormat.date(first.start().toLocalDate()),
                DutchFormat.timeRange(first.start(), first.end()), DutchFormat.isoWithOffset(first.start()),
                placeName(offer, firstLocation, organisation), address(firstLocation), availability,
                availability.state() == Availability.State.OPEN || availability.state() == Availability.State.WAITLIST, courseEnrolmentAction(offer.id()));
    }

    /** The address the one enrolment form of a course posts to. */
    public static String courseEnrolmentAction(String offerId) {
        return "/api/offers/" + offerId + "/enrolments";
    }

    /** @param offerCancelled the whole offer was called off: every date with it */
    static Availability availability(Session s, boolean offerCancelled) {
        if (s.isCancelled() || offerCancelled)
            return new Availability(Availability.State.CANCELLED, s.note() == null ? "Gaat niet door" : "Gaat niet door: " + s.note());
        if (!s.needsEnrolment()) return new Availability(Availability.State.WALK_IN, "Aanmelden niet nodig");
        if (s.isFull()) return new Availability(Availability.State.FULL, "Vol");
        return new Availability(Availability.State.OPEN, DutchFormat.seatsLeft(s.seatsLeft()));
    }

    static String placeName(Offer offer, Location location, Organisation organisation) {
        return placeName(offer == null ? null : offer.format(), location, organisation, false);
    }

    /** "Bibliotheek Hardenberg", with the town when the name lacks it ("De Kiep, Gramsbergen"), or "Online". */
    private static String placeName(DeliveryFormat format, Location location, Organisation organisation, boolean withTown) {
        if (location == null || location.kind() == Location.LocationKind.ONLINE) {
            if (format == DeliveryFormat.ONLINE || (location != null)) return "Online";
            return organisation == null ? "" : organisation.name();
        }
        String name = location.name();
        String city = location.address() == null ? null : location.address().city();
        if (withTown && notBlank(city) && !name.toLowerCase(Locale.ROOT).contains(city.strip().toLowerCase(Locale.ROOT)))
            name = name + ", " + city.strip();
        if (format == DeliveryFormat.BLENDED) name = name + " of online";
        return name;
    }

    private static String in(String where) {
        if (where == null || where.isBlank()) return "bij de bibliotheek";
        return where.startsWith("Online") ? "online" : "in " + where;
    }

    static String address(Location location) {
        if (location == null || location.address() == null || location.kind() == Location.LocationKind.ONLINE) return "";
        return location.address().oneLine();
    }

    /** Plain text into paragraphs (split on empty lines), each a list of lines. Never HTML. */
    static List<List<String>> paragraphs(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<List<String>> out = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            List<String> lines = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (!lines.isEmpty()) out.add(lines);
        }
        return List.copyOf(out);
    }

    private static String describe(Offer offer) {
        String text = notBlank(offer.summary()) ? offer.summary() : offer.description();
        if (text == null || text.isBlank()) return null;
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() <= 160 ? text : text.substring(0, 157).replaceAll("\\s+\\S*$", "") + "…";
    }

    private static String label(OfferKind kind) { return kind == null ? null : kind.label(); }

    private static String label(ProgrammeLine line) { return line == null ? null : line.label(); }

    private static boolean notBlank(String s) { return s != null && !s.isBlank(); }

    private static String blankToNull(String s) { return notBlank(s) ? s : null; }

    static String render(String template, Object page) {
        StringOutput out = new StringOutput(16 * 1024);
        ENGINE.render(template, page, out);
        return out.toString();
    }
}
