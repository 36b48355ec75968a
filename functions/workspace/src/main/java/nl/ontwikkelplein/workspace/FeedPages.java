package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.Actor;
import nl.ontwikkelplein.domain.Audit;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeeds;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Permissions;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Vocabulary;
import nl.ontwikkelplein.web.workspace.AdminPage;
import nl.ontwikkelplein.web.workspace.Choice;
import nl.ontwikkelplein.web.workspace.Field;
import nl.ontwikkelplein.web.workspace.Form;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/**
 * Partner feeds in the workspace ({@code /beheer/importen}): the regional admin adds and changes
 * them (URL, format, organisation, schedule, the partner's categories in our terms); an
 * organisation's editors read the reports of its feeds' runs, with what went to quarantine and
 * why. Editors never see a feed's URL: it may hold the partner's key.
 */
final class FeedPages {
    static final String BASE = "/beheer/importen";
    static final String RUN_NOW = "nu", CONFIRM_SHRINK = "krimp-bevestigen", REMOVE = "verwijderen", SURE = "zeker";
    static final List<String> FORMATS = List.of("csv", "ical", "schemaorg", "ooapi");
    static final int MAX_RULES = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));
    private static final int RUNS_SHOWN = 14;

    private final PartnerFeeds feeds;
    private final Catalog catalog;
    private final Audit audit;
    private final WorkspacePages pages;
    private final Clock clock;
    private final nl.ontwikkelplein.domain.ImportRuns runs;

    FeedPages(PartnerFeeds feeds, Catalog catalog, Audit audit, WorkspacePages pages, Clock clock, nl.ontwikkelplein.domain.ImportRuns runs) {
        this.runs = runs;
        this.feeds = feeds;
        this.catalog = catalog;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** The feeds the actor may see (all for the admin, their organisations' for editors), and for the admin the form to add one. */
    APIGatewayV2HTTPResponse list(WebRequest request, Actor actor, AdminPages.Frame frame, Form form, int status) {
        boolean admin = Permissions.may(actor, Permission.MANAGE_FEEDS, null);
        Map<String, String> orgNames = organisationNames();
        List<AdminPage.Row> rows = new ArrayList<>();
        for (PartnerFeed f : feeds.all()) {
            if (!Permissions.may(actor, Permission.VIEW_OFFERS, f.organisationId())) continue;
            List<FeedRun> last = feeds.runs(f.id(), 1);
            rows.add(new AdminPage.Row(List.of(new AdminPage.Cell(f.id(), BASE + "/" + f.id()), AdminPage.Cell.text(orgNames.getOrDefault(f.organisationId(), f.organisationId())),
                    AdminPage.Cell.text(formatLabel(f.format())), AdminPage.Cell.text(scheduleLabel(f.schedule())),
                    AdminPage.Cell.text(last.isEmpty() ? "Nog niet gedraaid" : WHEN.format(last.get(0).startedAt()) + ": " + outcome(last.get(0)))), List.of()));
        }
        List<String> intro = new ArrayList<>(List.of("Aanbod van partners komt elke nacht binnen via hun importbestand of koppeling.",
                "Bij elke import ziet u wat er nieuw is, wat veranderde en wat niet kon worden gelezen, met de reden."));
        AdminPage.FormBlock add = null;
        if (admin) {
            Form shown = form != null ? form : new Form(Map.of("formaat", "csv", "schema", "NIGHTLY"), List.of());
            add = new AdminPage.FormBlock("Import toevoegen", BASE, shown, fields(shown, true), "Toevoegen");
        }
        return html(status, new AdminPage(frame.page("Importen", "importen"), "Importen", intro, notice(request), null, List.of(),
                new AdminPage.Table("Importen", List.of("Import", "Organisatie", "Formaat", "Wanneer", "Laatste keer"), rows, "Er zijn nog geen importen."),
                add, null));
    }

    /** One feed: its runs and what the newest one quarantined; for the admin also the form to change it. */
    APIGatewayV2HTTPResponse feed(WebRequest request, Actor actor, AdminPages.Frame frame, String id, Form form, int status) {
        PartnerFeed feed = byId(id);
        Permissions.require(actor, Permission.VIEW_OFFERS, feed.organisationId());
        boolean admin = Permissions.may(actor, Permission.MANAGE_FEEDS, null);
        List<FeedRun> runs = feeds.runs(feed.id(), RUNS_SHOWN);
        List<AdminPage.Row> runRows = new ArrayList<>();
        for (FeedRun r : runs) {
            PartnerImport.Report rep = r.report();
            runRows.add(new AdminPage.Row(List.of(AdminPage.Cell.text(WHEN.format(r.startedAt())), AdminPage.Cell.text(outcome(r)),
                    AdminPage.Cell.text(rep == null ? "–" : Integer.toString(rep.created())), AdminPage.Cell.text(rep == null ? "–" : Integer.toString(rep.updated())),
                    AdminPage.Cell.text(rep == null ? "–" : Integer.toString(rep.unchanged())),
                    AdminPage.Cell.text(rep == null ? "–" : Integer.toString(rep.removed() + rep.cancelled())),
                    AdminPage.Cell.text(rep == null ? "–" : Integer.toString(rep.keptByStaff())),
                    AdminPage.Cell.text(rep == null ? "–" : Integer.toString(r.rejectedTotal()))), List.of()));
        }
        List<AdminPage.Table> more = new ArrayList<>();
        if (!runs.isEmpty() && runs.get(0).report() != null) {
            FeedRun newest = runs.get(0);
            List<AdminPage.Row> problemRows = new ArrayList<>();
            for (PartnerImport.Problem p : newest.report().rejected())
                problemRows.add(new AdminPage.Row(List.of(AdminPage.Cell.text(p.line() > 0 ? Integer.toString(p.line()) : "–"),
                        AdminPage.Cell.text(p.externalId() == null || p.externalId().isEmpty() ? "–" : p.externalId()), AdminPage.Cell.text(p.message())), List.of()));
            String caption = "Niet ingelezen bij de laatste import (" + WHEN.format(newest.startedAt()) + ")"
                    + (newest.rejectedTotal() > problemRows.size() ? ": de eerste " + problemRows.size() + " van " + newest.rejectedTotal() : "");
            more.add(new AdminPage.Table(caption, List.of("Regel", "Kenmerk bij de partner", "Reden"), problemRows,
                    "Bij de laatste import kon alles worden gelezen."));
        }
        List<String> intro = new ArrayList<>();
        intro.add("Organisatie: " + organisationNames().getOrDefault(feed.organisationId(), feed.organisationId()) + ". Formaat: " + formatLabel(feed.format())
                + ". " + scheduleLabel(feed.schedule()) + ".");
        intro.add(admin ? "Adres: " + feed.url() : "Adres: " + host(feed.url()) + " (het volledige adres ziet alleen de beheerder).");
        if (!feed.categories().isEmpty()) intro.add("Eigen categorieën van de partner: " + feed.categories().size() + ".");
        List<AdminPage.RowAction> actions = new ArrayList<>();
        if (admin) {
            actions.add(new AdminPage.RowAction("Nu importeren", BASE + "/" + feed.id() + "/" + RUN_NOW));
            actions.add(new AdminPage.RowAction("Import verwijderen", BASE + "/" + feed.id() + "/" + REMOVE));
            if (!runs.isEmpty() && runs.get(0).report() != null && runs.get(0).report().held()) {
                PartnerImport.Report held = runs.get(0).report();
                intro.add("De laatste import noemde " + held.listed() + " van de " + held.before() + " aanbiedingen. Daarom is er niets ingetrokken."
                        + " Biedt de partner echt zoveel minder aan? Bevestig het dan. De import haalt dan het aanbod dat de partner niet meer noemt van de website.");
                actions.add(new AdminPage.RowAction("Ja, het klopt: trek de rest in", BASE + "/" + feed.id() + "/" + CONFIRM_SHRINK));
            }
        }
        AdminPage.FormBlock change = null;
        if (admin) {
            Form shown = form != null ? form : formOf(feed);
            change = new AdminPage.FormBlock("Import wijzigen", BASE + "/" + feed.id(), shown, fields(shown, false), "Opslaan");
        }
        return html(status, new AdminPage(frame.page("Import " + feed.id(), "importen"), "Import " + feed.id(), intro, notice(request), null, actions,
                new AdminPage.Table("Laatste imports", List.of("Wanneer", "Uitkomst", "Nieuw", "Gewijzigd", "Ongewijzigd", "Ingetrokken", "Door u bijgehouden", "Niet ingelezen"),
                        runRows, "Deze import heeft nog niet gedraaid. Dat gebeurt vannacht."), change, BASE, more));
    }

    /** The admin adds a feed ({@code idOrNull} null) or changes one. */
    APIGatewayV2HTTPResponse save(WebRequest request, Actor actor, AdminPages.Frame frame, String idOrNull) {
        Permissions.require(actor, Permission.MANAGE_FEEDS, null);
        PartnerFeed existing = idOrNull == null ? null : byId(idOrNull);
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : List.of("kenmerk", "organisatie", "adres", "formaat", "schema", "categorieen")) v.put(f, request.field(f));
        if (existing != null) v.put("kenmerk", existing.id());
        List<Form.Error> errors = new ArrayList<>();
        String id = v.get("kenmerk").strip().toLowerCase(Locale.ROOT);
        if (existing == null) {
            if (!Ids.isValid(id) || id.length() > 40)
                errors.add(new Form.Error("kenmerk", "Kies een kort kenmerk van kleine letters, cijfers en streepjes, zoals ‘taalhuis-ommen’."));
            else if (feeds.feed(id).isPresent()) errors.add(new Form.Error("kenmerk", "Er is al een import met dit kenmerk. Kies een ander."));
        }
        if (catalog.organisations().stream().noneMatch(o -> o.id().equals(v.get("organisatie"))))
            errors.add(new Form.Error("organisatie", "Kies de organisatie waar dit aanbod bij hoort."));
        String url = v.get("adres").strip();
        if (!validUrl(url)) errors.add(new Form.Error("adres", "Vul het volledige webadres in, dat begint met https://. De import haalt alleen via https op."));
        if (!FORMATS.contains(v.get("formaat"))) errors.add(new Form.Error("formaat", "Kies het formaat van de import."));
        PartnerFeed.Schedule schedule = null;
        try {
            schedule = PartnerFeed.Schedule.valueOf(v.get("schema"));
        } catch (IllegalArgumentException e) {
            errors.add(new Form.Error("schema", "Kies wanneer de import draait."));
        }
        List<PartnerFeed.CategoryRule> rules = rules(v.get("categorieen"), errors);
        if (!errors.isEmpty()) {
            Form form = new Form(v, errors);
            return existing == null ? list(request, actor, frame, form, 400) : feed(request, actor, frame, existing.id(), form, 400);
        }
        java.time.Instant now = clock.instant();
        PartnerFeed saved = new PartnerFeed(existing != null ? existing.id() : id, v.get("organisatie"), url, v.get("formaat"), schedule, rules,
                existing != null ? existing.createdAt() : now, now);
        feeds.save(saved);
        // The URL is not in the audit trail's fields: it may hold the partner's key.
        audit.record(actor, "FEED", saved.id(), saved.organisationId(), existing == null ? "CREATED" : "CHANGED", List.of(existing == null ? "*" : "feed"));
        return WebResponse.seeOther(BASE + "/" + saved.id() + "?melding=opgeslagen", List.of());
    }

    /** The admin runs a feed now, or confirms that it really shrank (which runs it too): the run's report follows on the feed's page. */
    APIGatewayV2HTTPResponse runNow(Actor actor, String id, boolean confirmShrink) {
        Permissions.require(actor, Permission.MANAGE_FEEDS, null);
        PartnerFeed feed = byId(id);
        boolean asked = this.runs.runNow(feed.id(), confirmShrink);
        if (asked) audit.record(actor, "FEED", feed.id(), feed.organisationId(), confirmShrink ? "SHRINK_CONFIRMED" : "RUN_NOW", List.of());
        return WebResponse.seeOther(BASE + "/" + feed.id() + "?melding=" + (asked ? (confirmShrink ? "bevestigd" : "gestart") : "niet-gestart"), List.of());
    }

    /** Before a feed is ended: what that does to its offers on the site, and the button that does it. */
    APIGatewayV2HTTPResponse confirmRemoval(Actor actor, AdminPages.Frame frame, String id) {
        Permissions.require(actor, Permission.MANAGE_FEEDS, null);
        PartnerFeed feed = byId(id);
        int online = 0, kept = 0;
        for (nl.ontwikkelplein.domain.Offer o : catalog.offersOf(feed.organisationId())) {
            if (o.source() == null || !o.source().sourceId().equals(feed.id())) continue;
            if (o.source().takenOver()) kept++;
            else if (!PartnerImport.WITHDRAWN.equals(o.source().contentHash())) online++;
        }
        List<String> intro = new ArrayList<>();
        intro.add("Verwijdert u de import ‘" + feed.id() + "’, dan haalt Ontwikkelplein het aanbod uit deze import van de website: nu "
                + online + (online == 1 ? " aanbieding." : " aanbiedingen."));
        intro.add("Hebben mensen zich aangemeld voor een datum die nog komt? Dan gaat die datum niet door. De aanmeldingen blijven bewaard.");
        if (kept > 0) intro.add("Aanbod dat medewerkers zelf bijhouden, blijft staan: " + kept + (kept == 1 ? " aanbieding." : " aanbiedingen."));
        intro.add("De verslagen van deze import worden ook verwijderd. Dit kunt u niet ongedaan maken.");
        return html(200, new AdminPage(frame.page("Import " + feed.id() + " verwijderen", "importen"), "Import " + feed.id() + " verwijderen", intro,
                null, null, List.of(new AdminPage.RowAction("Ja, verwijder de import en haal het aanbod van de website",
                        BASE + "/" + feed.id() + "/" + REMOVE + "/" + SURE)), null, null, BASE + "/" + feed.id()));
    }

    /** The admin ends a feed: the import withdraws its offers and then forgets it (a minute, so asynchronously). */
    APIGatewayV2HTTPResponse remove(Actor actor, String id) {
        Permissions.require(actor, Permission.MANAGE_FEEDS, null);
        PartnerFeed feed = byId(id);
        boolean asked = runs.removeFeed(feed.id());
        if (!asked) return WebResponse.seeOther(BASE + "/" + feed.id() + "?melding=niet-verwijderd", List.of());
        audit.record(actor, "FEED", feed.id(), feed.organisationId(), "REMOVED", List.of());
        return WebResponse.seeOther(BASE + "?melding=verwijderd", List.of());
    }

    /**
     * One rule per line: {@code woord van de partner = programmalijn; thema}, either side of the
     * semicolon may be left out ({@code Taal & Lezen = Basisvaardigheden; lezen en schrijven},
     * {@code Computer = ; digitale vaardigheden}).
     */
    static List<PartnerFeed.CategoryRule> rules(String text, List<Form.Error> errors) {
        List<PartnerFeed.CategoryRule> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        String[] lines = text.split("\\R");
        if (lines.length > MAX_RULES) {
            errors.add(new Form.Error("categorieen", "Gebruik hoogstens " + MAX_RULES + " regels."));
            return out;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String where = "Regel " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq <= 0) {
                errors.add(new Form.Error("categorieen", where + "schrijf het woord van de partner, dan =, dan onze programmalijn en/of ; en een thema."));
                return out;
            }
            String word = line.substring(0, eq).strip();
            String[] ours = line.substring(eq + 1).split(";", -1);
            String lineName = ours[0].strip();
            String theme = ours.length > 1 ? ours[1].strip() : "";
            if (word.length() > 60 || ours.length > 2) {
                errors.add(new Form.Error("categorieen", where + "het woord van de partner is hoogstens 60 tekens, met één = en hoogstens één ;."));
                return out;
            }
            ProgrammeLine programmeLine = null;
            if (!lineName.isEmpty()) {
                for (ProgrammeLine l : ProgrammeLine.values())
                    if (l.label().equalsIgnoreCase(lineName) || l.name().equalsIgnoreCase(lineName)) programmeLine = l;
                if (programmeLine == null) {
                    errors.add(new Form.Error("categorieen", where + "‘" + cut(lineName) + "’ is geen programmalijn. Kies uit: "
                            + String.join(", ", java.util.Arrays.stream(ProgrammeLine.values()).map(ProgrammeLine::label).toList()) + "."));
                    return out;
                }
            }
            String themeName = null;
            if (!theme.isEmpty()) {
                for (String t : Vocabulary.THEMES) if (t.equalsIgnoreCase(theme)) themeName = t;
                if (themeName == null) {
                    errors.add(new Form.Error("categorieen", where + "‘" + cut(theme) + "’ is geen thema. Kies uit: " + String.join(", ", Vocabulary.THEMES) + "."));
                    return out;
                }
            }
            if (programmeLine == null && themeName == null) {
                errors.add(new Form.Error("categorieen", where + "geef een programmalijn, een thema of allebei."));
                return out;
            }
            out.add(new PartnerFeed.CategoryRule(word, programmeLine, themeName));
        }
        return out;
    }

    static String rulesText(List<PartnerFeed.CategoryRule> rules) {
        StringBuilder b = new StringBuilder();
        for (PartnerFeed.CategoryRule r : rules) {
            if (b.length() > 0) b.append('\n');
            b.append(r.partnerCategory()).append(" = ").append(r.programmeLine() == null ? "" : r.programmeLine().label());
            if (r.theme() != null) b.append("; ").append(r.theme());
        }
        return b.toString();
    }

    private List<Field> fields(Form form, boolean adding) {
        List<Field> out = new ArrayList<>();
        if (adding) out.add(Field.text("kenmerk", "Kenmerk", "Kort en vast, zoals ‘taalhuis-ommen’. Het aanbod uit deze import houdt dit kenmerk.", form, 40, true));
        List<Choice> orgs = new ArrayList<>();
        orgs.add(new Choice("", "Kies een organisatie", form.value("organisatie").isEmpty()));
        for (Organisation o : catalog.organisations().stream().sorted(java.util.Comparator.comparing(Organisation::name)).toList())
            orgs.add(new Choice(o.id(), o.name(), o.id().equals(form.value("organisatie"))));
        out.add(Field.choices("select", "organisatie", "Organisatie", "Het aanbod komt bij deze organisatie. Haar medewerkers zien de verslagen.", form, orgs));
        out.add(Field.of("url", "adres", "Webadres van de import", "Zoals https://partner.nl/aanbod.csv. Staat er een sleutel in, dan ziet alleen de beheerder die.", form, 500));
        List<Choice> formats = new ArrayList<>();
        for (String f : FORMATS) formats.add(new Choice(f, formatLabel(f), f.equals(form.value("formaat"))));
        out.add(Field.choices("radios", "formaat", "Formaat", null, form, formats));
        List<Choice> schedules = new ArrayList<>();
        for (PartnerFeed.Schedule s : PartnerFeed.Schedule.values()) schedules.add(new Choice(s.name(), scheduleLabel(s), s.name().equals(form.value("schema"))));
        out.add(Field.choices("radios", "schema", "Wanneer", null, form, schedules));
        out.add(Field.of("textarea", "categorieen", "Eigen categorieën van de partner",
                "Eén per regel: het woord van de partner = onze programmalijn; thema. Bijvoorbeeld: Taal & Lezen = Basisvaardigheden; lezen en schrijven.", form, 6000));
        return out;
    }

    private static Form formOf(PartnerFeed f) {
        return new Form(Map.of("kenmerk", f.id(), "organisatie", f.organisationId(), "adres", f.url(), "formaat", f.format(),
                "schema", f.schedule().name(), "categorieen", rulesText(f.categories())), List.of());
    }

    static String formatLabel(String format) {
        return switch (format) {
            case "csv" -> "CSV (spreadsheet)";
            case "ical" -> "iCalendar (agenda)";
            case "schemaorg" -> "schema.org (website)";
            case "ooapi" -> "OOAPI (onderwijs)";
            default -> format;
        };
    }

    static String scheduleLabel(PartnerFeed.Schedule s) {
        return switch (s) {
            case NIGHTLY -> "Elke nacht";
            case WEEKLY -> "Elke week, in de nacht naar maandag";
            case PAUSED -> "Gepauzeerd: draait niet vanzelf";
        };
    }

    /** A run in a few words. */
    static String outcome(FeedRun r) {
        if (!r.succeeded()) return "Mislukt: " + r.failure();
        PartnerImport.Report rep = r.report();
        if (rep.held()) return "Niets ingetrokken: de import noemt " + rep.listed() + " van de " + rep.before() + " aanbiedingen. Klopt dat? Vraag de beheerder.";
        if (!rep.complete()) return "Gelukt, maar niet alles kon worden gelezen: er is niets ingetrokken";
        return "Gelukt";
    }

    private static boolean validUrl(String url) {
        if (url.isEmpty() || url.length() > 500) return false;
        try {
            URI u = new URI(url);
            // Plain http only for this machine: the local run serves its demo feeds so; the import refuses it elsewhere.
            boolean local = "http".equals(u.getScheme()) && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()));
            return ("https".equals(u.getScheme()) || local) && u.getHost() != null && u.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String host(String url) {
        try {
            String h = new URI(url).getHost();
            return h == null ? "–" : h;
        } catch (java.net.URISyntaxException e) {
            return "–";
        }
    }

    private static String cut(String s) { return s.length() > 40 ? s.substring(0, 40) + "…" : s; }

    private PartnerFeed byId(String id) {
        return (Ids.isValid(id) ? feeds.feed(id) : Optional.<PartnerFeed>empty())
                .orElseThrow(() -> new WebRequest.BadRequest(404, "Deze import bestaat niet."));
    }

    private Map<String, String> organisationNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Organisation o : catalog.organisations()) out.put(o.id(), o.name());
        return out;
    }

    private static String notice(WebRequest request) {
        return switch (request.query("melding")) {
            case "opgeslagen" -> "Opgeslagen. De import draait volgens het schema. Wilt u niet wachten? Kies ‘Nu importeren’.";
            case "gestart" -> "De import is gestart. Over een minuut staat het verslag hieronder: ververs dan de pagina.";
            case "bevestigd" -> "Bevestigd. De import draait nu en trekt het aanbod in dat de partner niet meer noemt.";
            case "niet-gestart" -> "De import kon niet worden gestart. Probeer het over een paar minuten opnieuw.";
            case "verwijderd" -> "De import wordt verwijderd. Binnen een paar minuten is het aanbod eruit van de website en staat de import niet meer in de lijst.";
            case "niet-verwijderd" -> "De import kon niet worden verwijderd. Probeer het over een paar minuten opnieuw.";
            default -> null;
        };
    }

    private APIGatewayV2HTTPResponse html(int status, AdminPage page) {
        return WebResponse.html(status, pages.admin(page));
    }
}
