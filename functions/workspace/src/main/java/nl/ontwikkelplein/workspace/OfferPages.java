package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.Audit;
import nl.ontwikkelplein.domain.AuditEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Completeness;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.InvalidInputException;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferDiff;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferInputs;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Permissions;
import nl.ontwikkelplein.domain.Series;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.DutchFormat;
import nl.ontwikkelplein.web.Pages;
import nl.ontwikkelplein.web.workspace.Choice;
import nl.ontwikkelplein.web.workspace.DateEditPage;
import nl.ontwikkelplein.web.workspace.DatesFormPage;
import nl.ontwikkelplein.web.workspace.Field;
import nl.ontwikkelplein.web.workspace.Form;
import nl.ontwikkelplein.web.workspace.OfferFormPage;
import nl.ontwikkelplein.web.workspace.OfferOverviewPage;
import nl.ontwikkelplein.web.workspace.StaffPage;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/**
 * One offer in the workspace: new, overview, fields, dates (one or a series), one date changed or
 * called off, publish, call off, copy, preview. Every change goes through {@link OfferService}
 * (the API's rules), carries the version the editor read, and is written to the audit trail.
 */
final class OfferPages {
    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final Catalog catalog;
    private final OfferService offers;
    private final Audit audit;
    /** More seats go to the people waiting at once; a moved date moves the retention of its people. */
    private final nl.ontwikkelplein.domain.EnrolmentUpkeep upkeep;
    private final WorkspacePages pages;
    private final Pages publicPages = new Pages();
    private final Clock clock;
    /** Every saved change asks for the offer's public pages at once. */
    private final nl.ontwikkelplein.domain.SiteUpdates site;

    OfferPages(Catalog catalog, Audit audit, nl.ontwikkelplein.domain.EnrolmentUpkeep upkeep, WorkspacePages pages, Clock clock) {
        this(catalog, audit, upkeep, pages, clock, nl.ontwikkelplein.domain.SiteUpdates.NONE);
    }

    OfferPages(Catalog catalog, Audit audit, nl.ontwikkelplein.domain.EnrolmentUpkeep upkeep, WorkspacePages pages, Clock clock,
               nl.ontwikkelplein.domain.SiteUpdates site) {
        this.site = site;
        this.catalog = catalog;
        this.upkeep = upkeep;
        this.offers = new OfferService(catalog, clock);
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** A staff page for this request; supplied by the handler (it knows the session's CSRF token). */
    interface Pageframe {
        StaffPage page(String title);
    }

    static String offerHref(String id) { return "/beheer/aanbod/" + id; }

    // ------------------------------------------------------------------ new

    APIGatewayV2HTTPResponse newForm(WebRequest request, Actor actor, Pageframe frame) {
        String organisationId = request.query("organisatie");
        Permissions.require(actor, Permission.EDIT_OFFERS, organisationId);
        return offerForm(frame, "Nieuw aanbod", "/beheer/aanbod/nieuw?organisatie=" + organisationId, OfferForms.blank(), null, null, List.of(),
                "/beheer/aanbod?organisatie=" + organisationId, 200);
    }

    APIGatewayV2HTTPResponse create(WebRequest request, Actor actor, Pageframe frame) {
        String organisationId = request.query("organisatie");
        Permissions.require(actor, Permission.EDIT_OFFERS, organisationId);
        String action = "/beheer/aanbod/nieuw?organisatie=" + organisationId;
        OfferInput base = new OfferInput(organisationId, null, null, null, null, null, List.of(), List.of(), null, 0L, null, null, null,
                List.of(), OfferStatus.DRAFT.name());
        try {
            Offer created = offers.create(OfferForms.input(request, base));
            audit.record(actor, "OFFER", created.id(), organisationId, "CREATED", List.of("*"));
            site.offersChanged(List.of(created.id()));
            return WebResponse.seeOther(offerHref(created.id()) + "?melding=aangemaakt", List.of());
        } catch (InvalidInputException e) {
            return offerForm(frame, "Nieuw aanbod", action, OfferForms.typed(request, OfferForms.errors(e.errors())), null, null, List.of(),
                    "/beheer/aanbod?organisatie=" + organisationId, 400);
        }
    }

    // ------------------------------------------------------------------ overview

    APIGatewayV2HTTPResponse overview(WebRequest request, Actor actor, Pageframe frame, String offerId) {
        Offer offer = editable(actor, offerId, Permission.VIEW_OFFERS);
        Instant now = clock.instant();
        Map<String, Location> locations = locations();
        List<OfferOverviewPage.DateRow> dates = new ArrayList<>();
        for (Session s : offer.sessions().stream().sorted(Comparator.comparing(Session::startInstant)).toList()) {
            Location l = locations.get(s.locationId());
            String seats = !s.needsEnrolment() ? "Vrije inloop" : s.taken() + " van " + s.seats() + " bezet";
            String status = s.isCancelled() ? "Gaat niet door" : s.hasStarted(now) ? "Geweest" : "Gepland";
            String statusClass = s.isCancelled() ? "cancelled" : s.hasStarted(now) ? "past" : "open";
            dates.add(new OfferOverviewPage.DateRow(when(s), l == null ? "Onbekende locatie" : l.name(), seats, status, statusClass, s.note(),
                    offerHref(offerId) + "/data/" + s.id(),
                    s.needsEnrolment() ? offerHref(offerId) + "/data/" + s.id() + "/deelnemers" : null));
        }
        List<OfferOverviewPage.Fact> facts = new ArrayList<>();
        facts.add(new OfferOverviewPage.Fact("Samenvatting", offer.summary() == null ? "–" : offer.summary()));
        facts.add(new OfferOverviewPage.Fact("Soort", offer.kind() == null ? "–" : offer.kind().label()));
        facts.add(new OfferOverviewPage.Fact("Programmalijn", offer.programmeLine() == null ? "–" : offer.programmeLine().label()));
        facts.add(new OfferOverviewPage.Fact("Thema's", offer.themes().isEmpty() ? "–" : String.join(", ", offer.themes())));
        facts.add(new OfferOverviewPage.Fact("Voor wie", offer.targetGroups().isEmpty() ? "–" : String.join(", ", offer.targetGroups())));
        facts.add(new OfferOverviewPage.Fact("Taal", String.join(", ", nl.ontwikkelplein.domain.Languages.names(offer.languages()))));
        facts.add(new OfferOverviewPage.Fact("Prijs", offer.price().label()));
        if (offer.period() != null) {
            // From the feed: the days it runs, its times and enrolment at the provider (the form keeps the period).
            facts.add(new OfferOverviewPage.Fact("Periode", nl.ontwikkelplein.web.DutchFormat.period(offer.period()) + ". Dagen, tijden en aanmelden: bij de aanbieder."
                    + " Voegt u zelf data toe? Dan telt de periode niet meer."));
        } else {
            facts.add(new OfferOverviewPage.Fact("Aanmelden", offer.isCourse() ? "Voor de hele cursus" : "Per datum"));
        }
        OfferOverviewPage.Origin origin = null;
        if (offer.source() != null) {
            String feed = offer.source().sourceId();
            boolean mayEdit = Permissions.may(actor, Permission.EDIT_OFFERS, offer.organisationId());
            facts.add(new OfferOverviewPage.Fact("Herkomst", "Geïmporteerd uit " + feed + (offer.source().takenOver() ? " (overgenomen)" : " (de import houdt het bij)")));
            origin = !mayEdit ? null : offer.source().takenOver()
                    ? new OfferOverviewPage.Origin("Dit aanbod kwam uit de import " + feed + ". U hebt het overgenomen: de import laat het met rust, ook als de partner"
                            + " het verandert of niet meer aanbiedt. Geeft u het terug, dan zet de import het de volgende nacht weer zoals de partner het aanbiedt.",
                            offerHref(offerId) + "/teruggeven", "Teruggeven aan de import")
                    : new OfferOverviewPage.Origin("Dit aanbod komt uit de import " + feed + ". De import zet het elke nacht zoals de partner het aanbiedt."
                            + " Wilt u het zelf bijhouden? Neem het dan over. Als u het aanpast, neemt u het ook over: dan overschrijft de import uw wijziging niet.",
                            offerHref(offerId) + "/overnemen", "Overnemen van de import");
        }
        List<OfferOverviewPage.HistoryRow> history = new ArrayList<>();
        if (Permissions.may(actor, Permission.VIEW_AUDIT, offer.organisationId())) {
            for (AuditEntry e : audit.log().forRecord("OFFER", offerId, 50))
                history.add(new OfferOverviewPage.HistoryRow(HISTORY_TIME.format(LocalDateTime.ofInstant(e.at(), Session.ZONE)), e.actorName(), describe(e)));
        }
        String notice = switch (request.query("melding")) {
            case "aangemaakt" -> "Het aanbod is opgeslagen als concept. Voeg data toe en publiceer het als het klaar is.";
            case "opgeslagen" -> "Uw wijzigingen zijn opgeslagen.";
            case "gepubliceerd" -> "Het aanbod is gepubliceerd. Het staat binnen een paar seconden op de website.";
            case "concept" -> "Het aanbod is terug naar concept. Het staat niet meer op de website.";
            case "afgezegd" -> "Het aanbod is afgezegd. De website laat zien dat het niet doorgaat.";
            case "data" -> "De data zijn toegevoegd.";
            case "gekopieerd" -> "Dit is een kopie, als concept. Pas de gegevens aan en voeg nieuwe data toe.";
            case "overgenomen" -> "U hebt het aanbod overgenomen. De import laat het nu met rust.";
            case "teruggegeven" -> "Het aanbod is terug bij de import. De volgende nacht zet de import het zoals de partner het aanbiedt.";
            default -> null;
        };
        OfferStatus st = offer.status();
        return WebResponse.html(200, pages.offer(new OfferOverviewPage(frame.page(offer.title()), offerId, offer.title(), statusLabel(st),
                statusClass(st), notice, Completeness.hints(offer, locations, now), facts, dates, version(offer),
                st == OfferStatus.DRAFT, st == OfferStatus.PUBLISHED, st == OfferStatus.PUBLISHED, st == OfferStatus.CANCELLED,
                st.isPublic() ? "/aanbod/" + offerId + "/" : null, offerHref(offerId) + "/voorbeeld", offerHref(offerId) + "/bewerken",
                offerHref(offerId) + "/data", offerHref(offerId) + "/kopie", offerHref(offerId) + "/status", history,
                "/beheer/aanbod?organisatie=" + offer.organisationId(), origin)));
    }

    static String statusLabel(OfferStatus s) {
        return switch (s) {
            case DRAFT -> "Concept";
            case PUBLISHED -> "Gepubliceerd";
            case CANCELLED -> "Afgezegd";
        };
    }

    static String statusClass(OfferStatus s) {
        return switch (s) {
            case DRAFT -> "draft";
            case PUBLISHED -> "published";
            case CANCELLED -> "cancelled";
        };
    }

    private static String describe(AuditEntry e) {
        String what = switch (e.action()) {
            case "CREATED" -> "maakte het aan";
            case "PUBLISHED" -> "publiceerde het";
            case "UNPUBLISHED" -> "zette het terug naar concept";
            case "CANCELLED" -> "zegde het af";
            case "COPIED" -> "maakte een kopie";
            case "TAKEN_OVER" -> "nam het over van de import";
            case "HANDED_BACK" -> "gaf het terug aan de import";
            case "DATES_ADDED" -> "voegde data toe";
            case "DATE_CHANGED" -> "wijzigde een datum";
            case "DATE_CANCELLED" -> "zegde een datum af";
            default -> "wijzigde " + String.join(", ", e.fields().stream().map(OfferForms::label).toList());
        };
        return what;
    }

    // ------------------------------------------------------------------ fields

    APIGatewayV2HTTPResponse editForm(WebRequest request, Actor actor, Pageframe frame, String offerId) {
        Offer offer = editable(actor, offerId, Permission.EDIT_OFFERS);
        return offerForm(frame, "Gegevens wijzigen", offerHref(offerId) + "/bewerken", OfferForms.of(offer), offer, version(offer), List.of(),
                offerHref(offerId), 200);
    }

    APIGatewayV2HTTPResponse save(WebRequest request, Actor actor, Pageframe frame, String offerId) {
        Offer current = editable(actor, offerId, Permission.EDIT_OFFERS);
        String action = offerHref(offerId) + "/bewerken";
        String read = request.field("versie");
        if (!read.equals(version(current)))
            return offerForm(frame, "Gegevens wijzigen", action, OfferForms.typed(request, List.of()), current, version(current),
                    changedSince(offerId, read), offerHref(offerId), 409);
        try {
            Offer updated = offers.update(offerId, OfferForms.input(request, OfferInputs.from(current)), current.updatedAt());
            upkeep.afterEdit(current, updated);
            List<String> fields = OfferDiff.changedFields(current, updated);
            if (!fields.isEmpty()) audit.record(actor, "OFFER", offerId, updated.organisationId(), "CHANGED", fields);
            site.offersChanged(List.of(offerId));
            return WebResponse.seeOther(offerHref(offerId) + "?melding=opgeslagen", List.of());
        } catch (InvalidInputException e) {
            return offerForm(frame, "Gegevens wijzigen", action, OfferForms.typed(request, OfferForms.errors(e.errors())), current, version(current),
                    List.of(), offerHref(offerId), 400);
        } catch (ConflictException e) {
            Offer now = offers.get(offerId);
            List<String> changed = e.reason() == ConflictException.Reason.CHANGED_MEANWHILE ? changedSince(offerId, read) : List.of(e.getMessage());
            return offerForm(frame, "Gegevens wijzigen", action, OfferForms.typed(request, List.of()), now, version(now),
                    changed.isEmpty() ? List.of(e.getMessage()) : changed, offerHref(offerId), 409);
        }
    }

    private APIGatewayV2HTTPResponse offerForm(Pageframe frame, String heading, String action, Form form, Offer current, String version,
                                               List<String> changedMeanwhile, String back, int status) {
        return WebResponse.html(status, pages.offerForm(new OfferFormPage(frame.page(heading), heading, action, form,
                OfferForms.fields(form, current), version, changedMeanwhile, back)));
    }

    /** Who changed what since the version the editor read, from the audit trail. */
    private List<String> changedSince(String offerId, String readVersion) {
        Instant read;
        try {
            read = Instant.parse(readVersion);
        } catch (RuntimeException e) {
            read = Instant.EPOCH;
        }
        List<String> out = new ArrayList<>();
        for (AuditEntry e : audit.log().forRecord("OFFER", offerId, 20)) {
            if (!e.at().isAfter(read)) continue;
            out.add(e.actorName() + " " + describe(e) + " om " + HISTORY_TIME.format(LocalDateTime.ofInstant(e.at(), Session.ZONE)) + ".");
        }
        if (out.isEmpty()) out.add("Het aanbod is intussen opgeslagen door iemand anders.");
        return out;
    }

    // ------------------------------------------------------------------ status, copy, preview

    APIGatewayV2HTTPResponse changeStatus(WebRequest request, Actor actor, Pageframe frame, String offerId) {
        Offer current = editable(actor, offerId, Permission.EDIT_OFFERS);
        OfferStatus wanted;
        try {
            wanted = OfferStatus.valueOf(request.field("status"));
        } catch (IllegalArgumentException e) {
            throw new WebRequest.BadRequest(400, "Kies publiceren, concept of afzeggen.");
        }
        if (!request.field("versie").equals(version(current)))
            return conflictPage(frame, offerId, changedSince(offerId, request.field("versie")));
        try {
            offers.update(offerId, OfferInputs.withStatus(OfferInputs.from(current), wanted), current.updatedAt());
        } catch (InvalidInputException e) {
            List<String> problems = e.errors().stream().map(FieldError::message).toList();
            return WebResponse.html(400, pages.message(new nl.ontwikkelplein.web.workspace.MessagePage(frame.page("Nog niet klaar"),
                    "Dit aanbod kan nog niet zo", problems, offerHref(offerId), "Terug naar het aanbod")));
        } catch (ConflictException e) {
            return conflictPage(frame, offerId, List.of(e.getMessage()));
        }
        String action = switch (wanted) {
            case PUBLISHED -> "PUBLISHED";
            case DRAFT -> "UNPUBLISHED";
            case CANCELLED -> "CANCELLED";
        };
        if (wanted != current.status()) audit.record(actor, "OFFER", offerId, current.organisationId(), action, List.of("status"));
        site.offersChanged(List.of(offerId));
        String notice = switch (wanted) {
            case PUBLISHED -> "gepubliceerd";
            case DRAFT -> "concept";
            case CANCELLED -> "afgezegd";
        };
        return WebResponse.seeOther(offerHref(offerId) + "?melding=" + notice, List.of());
    }

    APIGatewayV2HTTPResponse copy(WebRequest request, Actor actor, String offerId) {
        Offer original = editable(actor, offerId, Permission.EDIT_OFFERS);
        Offer copy = offers.copy(offerId);
        audit.record(actor, "OFFER", copy.id(), original.organisationId(), "COPIED", List.of("*"));
        site.offersChanged(List.of(copy.id()));
        return WebResponse.seeOther(offerHref(copy.id()) + "?melding=gekopieerd", List.of());
    }

    /** Staff take an imported offer over from its feed, or give it back: editors of its organisation, as for any edit. */
    APIGatewayV2HTTPResponse origin(WebRequest request, Actor actor, String offerId, boolean takeOver) {
        Offer offer = editable(actor, offerId, Permission.EDIT_OFFERS);
        if (offer.source() == null) return WebResponse.seeOther(offerHref(offerId), List.of());
        if (takeOver) offers.takeOver(offerId);
        else offers.handBack(offerId);
        audit.record(actor, "OFFER", offerId, offer.organisationId(), takeOver ? "TAKEN_OVER" : "HANDED_BACK", List.of("source"));
        return WebResponse.seeOther(offerHref(offerId) + "?melding=" + (takeOver ? "overgenomen" : "teruggegeven"), List.of());
    }

    /** The public page as it will look (drafts too), rendered now; never stored. */
    APIGatewayV2HTTPResponse preview(Actor actor, String offerId) {
        Offer offer = editable(actor, offerId, Permission.VIEW_OFFERS);
        Map<String, Organisation> organisations = catalog.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        return WebResponse.html(200, publicPages.offer(offer, locations(), organisations.get(offer.organisationId()), clock.instant()));
    }

    private APIGatewayV2HTTPResponse conflictPage(Pageframe frame, String offerId, List<String> lines) {
        List<String> paragraphs = new ArrayList<>(lines);
        paragraphs.add("Er is niets opgeslagen. Bekijk het aanbod opnieuw en probeer het dan nog eens.");
        return WebResponse.html(409, pages.message(new nl.ontwikkelplein.web.workspace.MessagePage(frame.page("Intussen gewijzigd"),
                "Een collega heeft dit aanbod intussen gewijzigd", paragraphs, offerHref(offerId), "Terug naar het aanbod")));
    }

    // ------------------------------------------------------------------ dates

    APIGatewayV2HTTPResponse datesForm(WebRequest request, Actor actor, Pageframe frame, String offerId) {
        Offer offer = editable(actor, offerId, Permission.EDIT_OFFERS);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("herhaling", "geen");
        offer.sessions().stream().max(Comparator.comparing(Session::startInstant)).ifPresent(last -> {
            defaults.put("begintijd", last.start().toLocalTime().toString());
            defaults.put("eindtijd", last.end().toLocalTime().toString());
            defaults.put("locatie", last.locationId());
            defaults.put("plaatsen", last.seats() == null ? "" : String.valueOf(last.seats()));
        });
        return datesPage(frame, offer, new Form(defaults, List.of()), 200);
    }

    APIGatewayV2HTTPResponse addDates(WebRequest request, Actor actor, Pageframe frame, String offerId) {
        Offer current = editable(actor, offerId, Permission.EDIT_OFFERS);
        Form typed = datesTyped(request, List.of());
        if (!request.field("versie").equals(version(current))) return conflictPage(frame, offerId, changedSince(offerId, request.field("versie")));
        try {
            Series series = new Series(request.field("datum"), request.field("begintijd"), request.field("eindtijd"), request.field("herhaling"),
                    request.field("weekdag"), request.field("tot"), request.field("aantal"), request.field("overslaan"), request.field("locatie"),
                    request.field("plaatsen"));
            List<OfferInput.SessionInput> added = series.expand();
            List<OfferInput.SessionInput> all = new ArrayList<>(OfferInputs.sessions(current.sessions()));
            all.addAll(added);
            // Dates staff add replace a feed's period: they know the days now (an offer has one or the other).
            upkeep.afterEdit(current, offers.update(offerId, OfferInputs.withPeriod(OfferInputs.withSessions(OfferInputs.from(current), all), null),
                    current.updatedAt()));
            audit.record(actor, "OFFER", offerId, current.organisationId(), "DATES_ADDED", current.period() == null ? List.of("sessions") : List.of("sessions", "period"));
            site.offersChanged(List.of(offerId));
            return WebResponse.seeOther(offerHref(offerId) + "?melding=data", List.of());
        } catch (InvalidInputException e) {
            return datesPage(frame, current, datesTyped(request, dateErrors(e.errors())), 400);
        } catch (ConflictException e) {
            return datesPage(frame, current, new Form(typed.values(), List.of(new Form.Error("datum", e.getMessage()))), 409);
        }
    }

    private APIGatewayV2HTTPResponse datesPage(Pageframe frame, Offer offer, Form form, int status) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("date", "datum", "Eerste datum", "Bijvoorbeeld 8-12-2026.", form, 10));
        fields.add(Field.of("time", "begintijd", "Begintijd", "Bijvoorbeeld 14:00.", form, 5));
        fields.add(Field.of("time", "eindtijd", "Eindtijd", null, form, 5));
        fields.add(Field.choices("select", "locatie", "Waar", null, form, OfferForms.locationChoices(catalog.locations(), offer.organisationId(), form.value("locatie"))));
        fields.add(Field.of("number", "plaatsen", "Aantal plaatsen", "Laat leeg als aanmelden niet nodig is (vrije inloop).", form, 4));
        fields.add(Field.choices("radios", "herhaling", "Hoe vaak", null, form, List.of(
                new Choice("geen", "Eén keer", "geen".equals(form.value("herhaling"))),
                new Choice("week", "Elke week", "week".equals(form.value("herhaling"))),
                new Choice("twee-weken", "Om de week", "twee-weken".equals(form.value("herhaling"))))));
        List<Choice> days = new ArrayList<>();
        days.add(new Choice("", "Dezelfde dag als de eerste datum", form.value("weekdag").isEmpty()));
        String[] names = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
        for (int i = 0; i < 7; i++) days.add(new Choice(String.valueOf(i + 1), "Op " + names[i], String.valueOf(i + 1).equals(form.value("weekdag"))));
        fields.add(Field.choices("select", "weekdag", "Op welke dag (bij een reeks)", null, form, days));
        fields.add(Field.of("date", "tot", "Tot en met (bij een reeks)", "Of vul hieronder in hoe vaak.", form, 10));
        fields.add(Field.of("number", "aantal", "Hoe vaak (bij een reeks)", "Bijvoorbeeld 6.", form, 2));
        fields.add(Field.of("textarea", "overslaan", "Data overslaan", "Bijvoorbeeld de schoolvakantie: 22-12-2026, 29-12-2026.", form, 2000));
        return WebResponse.html(status, pages.datesForm(new DatesFormPage(frame.page("Data toevoegen"), offer.title(), offerHref(offer.id()) + "/data",
                form, fields, version(offer), offerHref(offer.id()))));
    }

    private static final List<String> DATE_FIELDS = List.of("datum", "begintijd", "eindtijd", "locatie", "plaatsen", "herhaling", "weekdag", "tot", "aantal", "overslaan");

    private static Form datesTyped(WebRequest request, List<Form.Error> errors) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : DATE_FIELDS) v.put(f, request.field(f));
        return new Form(v, errors);
    }

    /** Errors of the series (already named by the form's fields) and of the offer's rules on its sessions. */
    private static List<Form.Error> dateErrors(List<FieldError> errors) {
        List<Form.Error> out = new ArrayList<>();
        for (FieldError e : errors) {
            String f = e.field();
            String field = DATE_FIELDS.contains(f) ? f
                    : f.endsWith(".locationId") ? "locatie" : f.endsWith(".seats") ? "plaatsen" : f.endsWith(".end") ? "eindtijd" : f.endsWith(".start") ? "datum"
                    : f.equals("sessions") ? "plaatsen" : "datum";
            if (out.stream().noneMatch(x -> x.field().equals(field) && x.message().equals(e.message()))) out.add(new Form.Error(field, e.message()));
        }
        return out;
    }

    APIGatewayV2HTTPResponse dateForm(WebRequest request, Actor actor, Pageframe frame, String offerId, String sessionId) {
        Offer offer = editable(actor, offerId, Permission.EDIT_OFFERS);
        Session s = offer.session(sessionId).orElseThrow(() -> new WebRequest.BadRequest(404, "Deze datum bestaat niet (meer)."));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("datum", s.start().toLocalDate().toString());
        v.put("begintijd", s.start().toLocalTime().toString());
        v.put("eindtijd", s.end().toLocalTime().toString());
        v.put("locatie", s.locationId());
        v.put("plaatsen", s.seats() == null ? "" : String.valueOf(s.seats()));
        v.put("afzeggen", s.isCancelled() ? "ja" : "");
        v.put("reden", s.note() == null ? "" : s.note());
        return datePage(frame, offer, s, new Form(v, List.of()), 200);
    }

    APIGatewayV2HTTPResponse saveDate(WebRequest request, Actor actor, Pageframe frame, String offerId, String sessionId) {
        Offer current = editable(actor, offerId, Permission.EDIT_OFFERS);
        Session s = current.session(sessionId).orElseThrow(() -> new WebRequest.BadRequest(404, "Deze datum bestaat niet (meer)."));
        Map<String, String> typedValues = new LinkedHashMap<>();
        for (String f : List.of("datum", "begintijd", "eindtijd", "locatie", "plaatsen", "afzeggen", "reden")) typedValues.put(f, request.field(f));
        if (!request.field("versie").equals(version(current))) return conflictPage(frame, offerId, changedSince(offerId, request.field("versie")));
        boolean cancel = "ja".equals(request.field("afzeggen"));
        String reason = request.field("reden").strip();
        try {
            if (cancel && reason.isEmpty()) throw InvalidInputException.of("reden", "Schrijf kort waarom de datum niet doorgaat, zoals ‘De docent is ziek.’ Dit staat op de website.");
            Series one = new Series(request.field("datum"), request.field("begintijd"), request.field("eindtijd"), "geen", "", "", "", "",
                    request.field("locatie"), request.field("plaatsen"));
            OfferInput.SessionInput typed = one.expand().get(0);
            OfferInput.SessionInput changed = new OfferInput.SessionInput(sessionId, typed.start(), typed.end(), typed.locationId(), typed.seats(),
                    cancel ? Session.SessionStatus.CANCELLED.name() : Session.SessionStatus.SCHEDULED.name(), reason.isEmpty() ? null : reason);
            List<OfferInput.SessionInput> all = new ArrayList<>();
            for (OfferInput.SessionInput in : OfferInputs.sessions(current.sessions())) all.add(in.id().equals(sessionId) ? changed : in);
            upkeep.afterEdit(current, offers.update(offerId, OfferInputs.withSessions(OfferInputs.from(current), all), current.updatedAt()));
            boolean newlyCancelled = cancel && !s.isCancelled();
            audit.record(actor, "OFFER", offerId, current.organisationId(), newlyCancelled ? "DATE_CANCELLED" : "DATE_CHANGED", List.of("sessions"));
            site.offersChanged(List.of(offerId));
            return WebResponse.seeOther(offerHref(offerId) + "?melding=opgeslagen", List.of());
        } catch (InvalidInputException e) {
            List<Form.Error> errors = new ArrayList<>();
            for (FieldError fe : e.errors()) errors.add(new Form.Error(fe.field().equals("reden") ? "reden" : dateErrors(List.of(fe)).get(0).field(), fe.message()));
            return datePage(frame, current, s, new Form(typedValues, errors), 400);
        } catch (ConflictException e) {
            return datePage(frame, current, s, new Form(typedValues, List.of(new Form.Error("plaatsen", e.getMessage()))), 409);
        }
    }

    private APIGatewayV2HTTPResponse datePage(Pageframe frame, Offer offer, Session s, Form form, int status) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("date", "datum", "Datum", null, form, 10));
        fields.add(Field.of("time", "begintijd", "Begintijd", null, form, 5));
        fields.add(Field.of("time", "eindtijd", "Eindtijd", null, form, 5));
        fields.add(Field.choices("select", "locatie", "Waar", null, form, OfferForms.locationChoices(catalog.locations(), offer.organisationId(), form.value("locatie"))));
        fields.add(Field.of("number", "plaatsen", "Aantal plaatsen", s.taken() > 0 ? "Er zijn " + s.taken() + " mensen aangemeld. Minder plaatsen dan dat kan niet." : "Laat leeg als aanmelden niet nodig is.", form, 4));
        fields.add(Field.choices("checkboxes", "afzeggen", "Afzeggen", null, form, List.of(new Choice("ja", "Deze datum gaat niet door", "ja".equals(form.value("afzeggen"))))));
        fields.add(Field.text("reden", "Reden", "Kort, voor op de website. Bijvoorbeeld: De docent is ziek. Ook bij een andere tijd of plaats.", form, 200, false));
        return WebResponse.html(status, pages.dateEdit(new DateEditPage(frame.page("Datum wijzigen"), offer.title(), when(s),
                offerHref(offer.id()) + "/data/" + s.id(), form, fields, version(offer), s.isCancelled(), offerHref(offer.id()))));
    }

    // ------------------------------------------------------------------ shared

    /** The offer, when this actor may do this with it; not found and forbidden are told apart only to those who may see it. */
    Offer editable(Actor actor, String offerId, Permission permission) {
        Optional<Offer> offer = nl.ontwikkelplein.domain.Ids.isValid(offerId) ? catalog.offer(offerId) : Optional.empty();
        if (offer.isEmpty()) throw new WebRequest.BadRequest(404, "Dit aanbod bestaat niet (meer).");
        Permissions.require(actor, permission, offer.get().organisationId());
        return offer.get();
    }

    private Map<String, Location> locations() {
        return catalog.locations().stream().collect(Collectors.toMap(Location::id, Function.identity(), (a, b) -> a));
    }

    static String version(Offer offer) {
        return offer.updatedAt() == null ? "" : offer.updatedAt().toString();
    }

    static String when(Session s) {
        return DutchFormat.date(s.start().toLocalDate()) + ", " + DutchFormat.timeRange(s.start(), s.end());
    }
}
