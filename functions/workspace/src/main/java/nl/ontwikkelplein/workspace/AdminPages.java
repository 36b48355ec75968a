package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.EditorTokens;
import nl.ontwikkelplein.domain.Emails;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Mail;
import nl.ontwikkelplein.domain.Mailer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Permission;
import nl.ontwikkelplein.domain.Permissions;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.SignIns;
import nl.ontwikkelplein.domain.StaffAccounts;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.workspace.AdminPage;
import nl.ontwikkelplein.web.workspace.Choice;
import nl.ontwikkelplein.web.workspace.Field;
import nl.ontwikkelplein.web.workspace.Form;
import nl.ontwikkelplein.web.workspace.WorkspacePages;

/**
 * The regional admin's pages: organisations, locations (with accessibility), staff (invite by
 * email, role, revoke) and API tokens (create, list, revoke), and each person's changes from the
 * audit trail. Region-wide permissions: only admins.
 */
final class AdminPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final Catalog catalog;
    private final StaffAccounts staff;
    private final SignIns signIns;
    private final EditorTokens tokens;
    private final EditorAuth auth;
    private final Audit audit;
    private final Mailer mailer;
    private final WorkspacePages pages;
    private final Clock clock;

    AdminPages(Catalog catalog, StaffAccounts staff, SignIns signIns, EditorTokens tokens, Audit audit, Mailer mailer, WorkspacePages pages, Clock clock) {
        this.catalog = catalog;
        this.staff = staff;
        this.signIns = signIns;
        this.tokens = tokens;
        this.auth = new EditorAuth(tokens, clock);
        this.audit = audit;
        this.mailer = mailer;
        this.pages = pages;
        this.clock = clock;
    }

    interface Frame {
        nl.ontwikkelplein.web.workspace.StaffPage page(String title, String section);
    }

    // ------------------------------------------------------------------ organisations

    APIGatewayV2HTTPResponse organisations(WebRequest request, Actor actor, Frame frame, Form form, int status) {
        Permissions.require(actor, Permission.MANAGE_ORGANISATIONS, null);
        List<AdminPage.Row> rows = new ArrayList<>();
        for (Organisation o : sortedOrganisations())
            rows.add(new AdminPage.Row(List.of(new AdminPage.Cell(o.name(), "/beheer/organisaties/" + o.id()), AdminPage.Cell.text(o.website() == null ? "–" : o.website()),
                    AdminPage.Cell.text(o.id())), List.of()));
        return page(frame, "Organisaties", "organisaties", List.of("De bibliotheekorganisaties in de regio."), notice(request), null,
                new AdminPage.Table("Organisaties", List.of("Naam", "Website", "Kenmerk"), rows, "Er zijn nog geen organisaties."),
                new AdminPage.FormBlock("Organisatie toevoegen", "/beheer/organisaties", form, organisationFields(form), "Toevoegen"), null, status);
    }

    APIGatewayV2HTTPResponse addOrganisation(WebRequest request, Actor actor, Frame frame) {
        Permissions.require(actor, Permission.MANAGE_ORGANISATIONS, null);
        Form typed = typed(request, "naam", "website");
        List<Form.Error> errors = organisationErrors(typed);
        String id = Ids.slug(typed.value("naam"));
        if (errors.isEmpty() && catalog.organisations().stream().anyMatch(o -> o.id().equals(id)))
            errors.add(new Form.Error("naam", "Er is al een organisatie met deze naam."));
        if (!errors.isEmpty()) return organisations(request, actor, frame, new Form(typed.values(), errors), 400);
        catalog.saveOrganisation(new Organisation(id, typed.value("naam").strip(), blankToNull(typed.value("website"))));
        audit.record(actor, "ORGANISATION", id, id, "CREATED", List.of("*"));
        return WebResponse.seeOther("/beheer/organisaties?melding=opgeslagen", List.of());
    }

    APIGatewayV2HTTPResponse organisation(WebRequest request, Actor actor, Frame frame, String id, Form form, int status) {
        Permissions.require(actor, Permission.MANAGE_ORGANISATIONS, null);
        Organisation o = organisationById(id);
        Form shown = form != null ? form : new Form(Map.of("naam", o.name(), "website", o.website() == null ? "" : o.website()), List.of());
        return page(frame, o.name(), "organisaties", List.of(), null, null, null,
                new AdminPage.FormBlock("Gegevens wijzigen", "/beheer/organisaties/" + id, shown, organisationFields(shown), "Opslaan"), "/beheer/organisaties", status);
    }

    APIGatewayV2HTTPResponse saveOrganisation(WebRequest request, Actor actor, Frame frame, String id) {
        Permissions.require(actor, Permission.MANAGE_ORGANISATIONS, null);
        Organisation o = organisationById(id);
        Form typed = typed(request, "naam", "website");
        List<Form.Error> errors = organisationErrors(typed);
        if (!errors.isEmpty()) return organisation(request, actor, frame, id, new Form(typed.values(), errors), 400);
        Organisation changed = new Organisation(o.id(), typed.value("naam").strip(), blankToNull(typed.value("website")));
        catalog.saveOrganisation(changed);
        List<String> fields = new ArrayList<>();
        if (!changed.name().equals(o.name())) fields.add("name");
        if (!java.util.Objects.equals(changed.website(), o.website())) fields.add("website");
        if (!fields.isEmpty()) audit.record(actor, "ORGANISATION", id, id, "CHANGED", fields);
        return WebResponse.seeOther("/beheer/organisaties?melding=opgeslagen", List.of());
    }

    private static List<Field> organisationFields(Form form) {
        return List.of(Field.text("naam", "Naam", "Zoals ‘Bibliotheek Hardenberg’.", form, 100, true),
                Field.of("url", "website", "Website", "Begint met https://", form, 300));
    }

    private static List<Form.Error> organisationErrors(Form f) {
        List<Form.Error> errors = new ArrayList<>();
        String name = f.value("naam").strip();
        if (name.length() < 2 || name.length() > 100) errors.add(new Form.Error("naam", "Vul een naam in van 2 tot 100 tekens."));
        if (!f.value("website").isBlank() && !isHttps(f.value("website").strip())) errors.add(new Form.Error("website", "Vul een webadres in dat begint met https://."));
        return errors;
    }

    // ------------------------------------------------------------------ locations

    APIGatewayV2HTTPResponse locations(WebRequest request, Actor actor, Frame frame, Form form, int status) {
        Permissions.require(actor, Permission.MANAGE_LOCATIONS, null);
        Map<String, Organisation> orgs = catalog.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<AdminPage.Row> rows = new ArrayList<>();
        for (Location l : catalog.locations()) {
            Organisation o = l.organisationId() == null ? null : orgs.get(l.organisationId());
            rows.add(new AdminPage.Row(List.of(new AdminPage.Cell(l.name(), "/beheer/locaties/" + l.id()), AdminPage.Cell.text(o == null ? "–" : o.name()),
                    AdminPage.Cell.text(kindLabel(l.kind())), AdminPage.Cell.text(l.address() == null || l.address().oneLine().isEmpty() ? "–" : l.address().oneLine()),
                    AdminPage.Cell.text(l.accessibility().isEmpty() ? "–" : String.join(", ", l.accessibility().stream().map(Location.Accessibility::label).toList()))),
                    List.of()));
        }
        Form shown = form != null ? form : new Form(Map.of("soort", "BRANCH"), List.of());
        return page(frame, "Locaties", "locaties", List.of("Vestigingen van de bibliotheken en plaatsen van partners."), notice(request), null,
                new AdminPage.Table("Locaties", List.of("Naam", "Organisatie", "Soort", "Adres", "Toegankelijkheid"), rows, "Er zijn nog geen locaties."),
                new AdminPage.FormBlock("Locatie toevoegen", "/beheer/locaties", shown, locationFields(shown), "Toevoegen"), null, status);
    }

    APIGatewayV2HTTPResponse location(WebRequest request, Actor actor, Frame frame, String id, Form form, int status) {
        Permissions.require(actor, Permission.MANAGE_LOCATIONS, null);
        Location l = locationById(id);
        Form shown = form != null ? form : locationForm(l);
        return page(frame, l.name(), "locaties", List.of(), null, null, null,
                new AdminPage.FormBlock("Gegevens wijzigen", "/beheer/locaties/" + id, shown, locationFields(shown), "Opslaan"), "/beheer/locaties", status);
    }

    APIGatewayV2HTTPResponse saveLocation(WebRequest request, Actor actor, Frame frame, String idOrNull) {
        Permissions.require(actor, Permission.MANAGE_LOCATIONS, null);
        Location existing = idOrNull == null ? null : locationById(idOrNull);
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : List.of("naam", "organisatie", "soort", "straat", "postcode", "plaats", "breedtegraad", "lengtegraad")) v.put(f, request.field(f));
        v.put("toegankelijk", String.join("\n", request.fields("toegankelijk")));
        List<Form.Error> errors = new ArrayList<>();
        String name = v.get("naam").strip();
        if (name.length() < 2 || name.length() > 120) errors.add(new Form.Error("naam", "Vul een naam in van 2 tot 120 tekens."));
        if (catalog.organisations().stream().noneMatch(o -> o.id().equals(v.get("organisatie")))) errors.add(new Form.Error("organisatie", "Kies de organisatie."));
        Location.LocationKind kind = null;
        try {
            kind = Location.LocationKind.valueOf(v.get("soort"));
        } catch (IllegalArgumentException e) {
            errors.add(new Form.Error("soort", "Kies wat voor plaats het is."));
        }
        if (!v.get("postcode").isBlank() && !v.get("postcode").strip().toUpperCase(java.util.Locale.ROOT).matches("\\d{4} ?[A-Z]{2}"))
            errors.add(new Form.Error("postcode", "Schrijf de postcode als 1234 AB."));
        for (String f : List.of("straat", "plaats")) if (v.get(f).length() > 120) errors.add(new Form.Error(f, "Gebruik hoogstens 120 tekens."));
        Double lat = coordinate(v.get("breedtegraad"), 50.5, 53.8, "breedtegraad", errors);
        Double lon = coordinate(v.get("lengtegraad"), 3.2, 7.3, "lengtegraad", errors);
        List<Location.Accessibility> access = new ArrayList<>();
        for (String a : request.fields("toegankelijk")) {
            try {
                access.add(Location.Accessibility.valueOf(a));
            } catch (IllegalArgumentException e) {
                errors.add(new Form.Error("toegankelijk", "Kies uit de lijst."));
            }
        }
        if (!errors.isEmpty()) {
            Form form = new Form(v, errors);
            return existing == null ? locations(request, actor, frame, form, 400) : location(request, actor, frame, existing.id(), form, 400);
        }
        String id = existing != null ? existing.id() : Ids.newId(name);
        String postcode = v.get("postcode").isBlank() ? null : v.get("postcode").strip().toUpperCase(java.util.Locale.ROOT).replaceAll("^(\\d{4}) ?", "$1 ");
        Location saved = new Location(id, v.get("organisatie"), name, kind,
                new Location.Address(blankToNull(v.get("straat")), postcode, blankToNull(v.get("plaats"))), lat, lon, access);
        catalog.saveLocation(saved);
        audit.record(actor, "LOCATION", id, saved.organisationId(), existing == null ? "CREATED" : "CHANGED", List.of(existing == null ? "*" : "location"));
        return WebResponse.seeOther("/beheer/locaties?melding=opgeslagen", List.of());
    }

    private static Double coordinate(String typed, double min, double max, String field, List<Form.Error> errors) {
        if (typed == null || typed.isBlank()) return null;
        try {
            double d = Double.parseDouble(typed.strip().replace(',', '.'));
            if (d < min || d > max) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            errors.add(new Form.Error(field, "Vul een getal in tussen " + min + " en " + max + " (in Nederland), of laat het leeg."));
            return null;
        }
    }

    private static Form locationForm(Location l) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("naam", l.name());
        v.put("organisatie", l.organisationId() == null ? "" : l.organisationId());
        v.put("soort", l.kind().name());
        v.put("straat", l.address() == null || l.address().street() == null ? "" : l.address().street());
        v.put("postcode", l.address() == null || l.address().postcode() == null ? "" : l.address().postcode());
        v.put("plaats", l.address() == null || l.address().city() == null ? "" : l.address().city());
        v.put("breedtegraad", l.latitude() == null ? "" : String.valueOf(l.latitude()));
        v.put("lengtegraad", l.longitude() == null ? "" : String.valueOf(l.longitude()));
        v.put("toegankelijk", String.join("\n", l.accessibility().stream().map(Enum::name).toList()));
        return new Form(v, List.of());
    }

    private List<Field> locationFields(Form form) {
        List<Choice> orgs = new ArrayList<>();
        orgs.add(new Choice("", "Kies een organisatie", form.value("organisatie").isEmpty()));
        for (Organisation o : sortedOrganisations()) orgs.add(new Choice(o.id(), o.name(), o.id().equals(form.value("organisatie"))));
        List<Choice> kinds = new ArrayList<>();
        for (Location.LocationKind k : Location.LocationKind.values()) kinds.add(new Choice(k.name(), kindLabel(k), k.name().equals(form.value("soort"))));
        List<String> chosen = List.of(form.value("toegankelijk").split("\n"));
        List<Choice> access = new ArrayList<>();
        for (Location.Accessibility a : Location.Accessibility.values()) access.add(new Choice(a.name(), a.label(), chosen.contains(a.name())));
        return List.of(Field.text("naam", "Naam", "Zoals ‘Bibliotheek Dedemsvaart’ of ‘Buurthuis De Baron’.", form, 120, true),
                Field.choices("select", "organisatie", "Organisatie", null, form, orgs),
                Field.choices("radios", "soort", "Soort plaats", null, form, kinds),
                Field.text("straat", "Straat en huisnummer", null, form, 120, false),
                Field.text("postcode", "Postcode", "Zoals 7701 GD.", form, 7, false),
                Field.text("plaats", "Plaats", null, form, 120, false),
                Field.text("breedtegraad", "Breedtegraad", "Voor de kaart, zoals 52.6005. Mag leeg blijven.", form, 12, false),
                Field.text("lengtegraad", "Lengtegraad", "Zoals 6.4600.", form, 12, false),
                Field.choices("checkboxes", "toegankelijk", "Toegankelijkheid", "Wat is er op deze plek?", form, access));
    }

    private static String kindLabel(Location.LocationKind k) {
        return switch (k) {
            case BRANCH -> "Vestiging van de bibliotheek";
            case PARTNER -> "Plaats van een partner";
            case ONLINE -> "Online";
        };
    }

    // ------------------------------------------------------------------ staff

    APIGatewayV2HTTPResponse staffList(WebRequest request, Actor actor, Frame frame, Form form, int status) {
        Permissions.require(actor, Permission.MANAGE_STAFF, null);
        Map<String, Organisation> orgs = catalog.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<AdminPage.Row> rows = new ArrayList<>();
        for (StaffMember m : staff.all())
            rows.add(new AdminPage.Row(List.of(new AdminPage.Cell(m.name(), "/beheer/medewerkers/" + m.id()), AdminPage.Cell.text(m.email()),
                    AdminPage.Cell.text(roleLabel(m.role())), AdminPage.Cell.text(organisationNames(m.organisationIds(), orgs)),
                    AdminPage.Cell.text(m.isRevoked() ? "Ingetrokken" : "Actief")), List.of()));
        Form shown = form != null ? form : new Form(Map.of("rol", "EDITOR"), List.of());
        return page(frame, "Medewerkers", "medewerkers", List.of("Wie mag inloggen in Ontwikkelplein beheer. Nieuwe medewerkers krijgen een e-mail."), notice(request), null,
                new AdminPage.Table("Medewerkers", List.of("Naam", "E-mailadres", "Rol", "Organisaties", "Status"), rows, "Er zijn nog geen medewerkers."),
                new AdminPage.FormBlock("Medewerker uitnodigen", "/beheer/medewerkers", shown, staffFields(shown, true), "Uitnodigen"), null, status);
    }

    APIGatewayV2HTTPResponse invite(WebRequest request, Actor actor, Frame frame, Optional<String> siteOrigin) {
        Permissions.require(actor, Permission.MANAGE_STAFF, null);
        Form typed = staffTyped(request, true);
        List<Form.Error> errors = staffErrors(typed, true);
        Optional<String> email = Emails.normalise(typed.value("email"));
        if (errors.isEmpty() && staff.byEmail(email.get()).isPresent()) errors.add(new Form.Error("email", "Dit e-mailadres heeft al een account."));
        if (!errors.isEmpty()) return staffList(request, actor, frame, new Form(typed.values(), errors), 400);
        StaffMember member = new StaffMember(Ids.newId(typed.value("naam")), email.get(), typed.value("naam").strip(), Role.valueOf(typed.value("rol")),
                organisationsOf(request), clock.instant(), null);
        try {
            staff.create(member);
        } catch (ConflictException e) {
            return staffList(request, actor, frame, new Form(typed.values(), List.of(new Form.Error("email", "Dit e-mailadres heeft al een account."))), 409);
        }
        audit.record(actor, "STAFF", member.id(), null, "CREATED", List.of("*"));
        String link = siteOrigin.orElse("") + "/beheer/";
        try {
            mailer.send(new Mail(member.email(), "Uitnodiging voor Ontwikkelplein beheer",
                    "Beste " + member.name() + ",\n\n" + actor.name() + " heeft u toegang gegeven tot Ontwikkelplein beheer.\n\n"
                            + "Log in op " + link + " met dit e-mailadres. U krijgt dan een e-mail met een link om in te loggen. Een wachtwoord is niet nodig.\n",
                    null));
        } catch (Mailer.MailException e) {
            return WebResponse.seeOther("/beheer/medewerkers?melding=niet-verstuurd", List.of());
        }
        return WebResponse.seeOther("/beheer/medewerkers?melding=uitgenodigd", List.of());
    }

    APIGatewayV2HTTPResponse person(WebRequest request, Actor actor, Frame frame, String id, Form form, int status) {
        Permissions.require(actor, Permission.MANAGE_STAFF, null);
        StaffMember m = staffById(id);
        Form shown = form != null ? form : new Form(Map.of("naam", m.name(), "rol", m.role().name(), "organisaties", String.join("\n", m.organisationIds())), List.of());
        List<AdminPage.Row> rows = new ArrayList<>();
        if (Permissions.may(actor, Permission.VIEW_AUDIT, null)) {
            for (AuditEntry e : audit.log().byActor("staff:" + id, 100))
                rows.add(new AdminPage.Row(List.of(AdminPage.Cell.text(WHEN.format(LocalDateTime.ofInstant(e.at(), Session.ZONE))),
                        AdminPage.Cell.text(recordLabel(e.recordType())), recordCell(e), AdminPage.Cell.text(e.action().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + (e.fields().isEmpty() || e.fields().equals(List.of("*")) ? "" : ": " + String.join(", ", e.fields().stream().map(OfferForms::label).toList())))),
                        List.of()));
        }
        List<String> intro = new ArrayList<>();
        intro.add(m.email() + " · " + roleLabel(m.role()) + (m.isRevoked() ? " · toegang ingetrokken" : ""));
        AdminPage.Table table = new AdminPage.Table("Wijzigingen door " + m.name(), List.of("Wanneer", "Wat", "Welke", "Actie"), rows, "Nog geen wijzigingen.");
        List<AdminPage.RowAction> actions = m.isRevoked() ? List.of() : List.of(new AdminPage.RowAction("Toegang intrekken", "/beheer/medewerkers/" + id + "/intrekken"));
        return WebResponse.html(status, pages.admin(new AdminPage(frame.page(m.name(), "medewerkers"), m.name(), intro, notice(request), null, actions, table,
                new AdminPage.FormBlock("Rol en organisaties", "/beheer/medewerkers/" + id, shown, staffFields(shown, false), "Opslaan"), "/beheer/medewerkers")));
    }

    APIGatewayV2HTTPResponse savePerson(WebRequest request, Actor actor, Frame frame, String id) {
        Permissions.require(actor, Permission.MANAGE_STAFF, null);
        StaffMember m = staffById(id);
        Form typed = staffTyped(request, false);
        List<Form.Error> errors = staffErrors(typed, false);
        if (!errors.isEmpty()) return person(request, actor, frame, id, new Form(typed.values(), errors), 400);
        StaffMember changed = m.with(typed.value("naam").strip(), Role.valueOf(typed.value("rol")), organisationsOf(request));
        staff.update(changed);
        audit.record(actor, "STAFF", id, null, "CHANGED", List.of("role"));
        return WebResponse.seeOther("/beheer/medewerkers/" + id + "?melding=opgeslagen", List.of());
    }

    APIGatewayV2HTTPResponse revoke(WebRequest request, Actor actor, Frame frame, String id) {
        Permissions.require(actor, Permission.MANAGE_STAFF, null);
        StaffMember m = staffById(id);
        if (actor.id().equals("staff:" + id))
            return person(request, actor, frame, id, new Form(Map.of("naam", m.name(), "rol", m.role().name()),
                    List.of(new Form.Error("naam", "U kunt uw eigen toegang niet intrekken. Vraag dat een andere beheerder."))), 400);
        if (!m.isRevoked()) {
            staff.update(m.revoked(clock.instant()));
            signIns.endSessionsOf(id);
            audit.record(actor, "STAFF", id, null, "REVOKED", List.of("revokedAt"));
        }
        return WebResponse.seeOther("/beheer/medewerkers/" + id + "?melding=ingetrokken", List.of());
    }

    private Form staffTyped(WebRequest request, boolean withEmail) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("naam", request.field("naam"));
        if (withEmail) v.put("email", request.field("email"));
        v.put("rol", request.field("rol"));
        v.put("organisaties", String.join("\n", request.fields("organisaties")));
        return new Form(v, List.of());
    }

    private List<Form.Error> staffErrors(Form f, boolean withEmail) {
        List<Form.Error> errors = new ArrayList<>();
        String name = f.value("naam").strip();
        if (name.length() < 2 || name.length() > 100) errors.add(new Form.Error("naam", "Vul een naam in van 2 tot 100 tekens."));
        if (withEmail && Emails.normalise(f.value("email")).isEmpty()) errors.add(new Form.Error("email", "Vul een e-mailadres in zoals naam@bibliotheek.nl."));
        if (!List.of("ADMIN", "EDITOR", "REFERRER").contains(f.value("rol"))) errors.add(new Form.Error("rol", "Kies een rol."));
        List<String> chosen = f.value("organisaties").isEmpty() ? List.of() : List.of(f.value("organisaties").split("\n"));
        if ("EDITOR".equals(f.value("rol")) && chosen.isEmpty()) errors.add(new Form.Error("organisaties", "Kies voor welke organisatie deze redacteur werkt."));
        if ("REFERRER".equals(f.value("rol")) && chosen.isEmpty())
            errors.add(new Form.Error("organisaties", "Kies met welke bibliotheek deze verwijzer samenwerkt."));
        List<String> known = catalog.organisations().stream().map(Organisation::id).toList();
        if (!known.containsAll(chosen)) errors.add(new Form.Error("organisaties", "Kies uit de lijst."));
        return errors;
    }

    private static List<String> organisationsOf(WebRequest request) {
        return request.fields("organisaties").stream().distinct().toList();
    }

    private List<Field> staffFields(Form form, boolean withEmail) {
        List<Field> out = new ArrayList<>();
        out.add(Field.text("naam", "Naam", null, form, 100, true));
        if (withEmail) out.add(Field.of("email", "email", "E-mailadres", "Hiermee logt deze persoon in.", form, 254));
        out.add(Field.choices("radios", "rol", "Rol", null, form, List.of(
                new Choice("EDITOR", "Redacteur: het aanbod en de deelnemers van de eigen organisatie(s)", "EDITOR".equals(form.value("rol"))),
                new Choice("REFERRER", "Verwijzer van een partner (Taalhuis, sociaal team, UWV): meldt cliënten aan en ziet alleen de eigen verwijzingen",
                        "REFERRER".equals(form.value("rol"))),
                new Choice("ADMIN", "Regionaal beheerder: alles, ook organisaties, locaties, medewerkers en tokens", "ADMIN".equals(form.value("rol"))))));
        List<String> chosen = List.of(form.value("organisaties").split("\n"));
        List<Choice> orgs = new ArrayList<>();
        for (Organisation o : sortedOrganisations()) orgs.add(new Choice(o.id(), o.name(), chosen.contains(o.id())));
        out.add(Field.choices("checkboxes", "organisaties", "Organisaties", "Voor een redacteur: waar werkt deze persoon? Voor een verwijzer: met welke bibliotheek werkt deze persoon samen?", form, orgs));
        return out;
    }

    private static String roleLabel(Role r) {
        return switch (r) {
            case ADMIN -> "Regionaal beheerder";
            case EDITOR -> "Redacteur";
            case REFERRER -> "Verwijzer";
        };
    }

    private static String recordLabel(String type) {
        return switch (type) {
            case "OFFER" -> "Aanbod";
            case "LOCATION" -> "Locatie";
            case "ORGANISATION" -> "Organisatie";
            case "STAFF" -> "Medewerker";
            case "TOKEN" -> "API-token";
            default -> type;
        };
    }

    private static AdminPage.Cell recordCell(AuditEntry e) {
        return switch (e.recordType()) {
            case "OFFER" -> new AdminPage.Cell(e.recordId(), OfferPages.offerHref(e.recordId()));
            case "STAFF" -> new AdminPage.Cell(e.recordId(), "/beheer/medewerkers/" + e.recordId());
            default -> AdminPage.Cell.text(e.recordId());
        };
    }

    // ------------------------------------------------------------------ API tokens

    APIGatewayV2HTTPResponse tokens(WebRequest request, Actor actor, Frame frame, Form form, String secret, int status) {
        Permissions.require(actor, Permission.MANAGE_TOKENS, null);
        Map<String, Organisation> orgs = catalog.organisations().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        Instant now = clock.instant();
        List<AdminPage.Row> rows = new ArrayList<>();
        for (EditorTokens.StoredToken t : tokens.all()) {
            Editor e = t.editor();
            if (e.expiresAt() != null && !e.expiresAt().isAfter(now)) continue;
            rows.add(new AdminPage.Row(List.of(AdminPage.Cell.text(e.name()), AdminPage.Cell.text(roleLabel(e.role())),
                    AdminPage.Cell.text(organisationNames(e.organisationIds(), orgs)), AdminPage.Cell.text(WHEN.format(LocalDateTime.ofInstant(e.createdAt(), Session.ZONE))),
                    AdminPage.Cell.text(e.expiresAt() == null ? "Nooit" : WHEN.format(LocalDateTime.ofInstant(e.expiresAt(), Session.ZONE)))),
                    List.of(new AdminPage.RowAction("Intrekken: " + e.name(), "/beheer/tokens/" + t.tokenId() + "/intrekken"))));
        }
        Form shown = form != null ? form : new Form(Map.of("rol", "EDITOR", "dagen", "365"), List.of());
        List<Field> fields = new ArrayList<>(staffFields(shown, false));
        fields.set(0, Field.text("naam", "Naam", "Waarvoor is het token? Zoals ‘Koppeling agenda gemeente’.", shown, 100, true));
        fields.add(Field.of("number", "dagen", "Geldig (dagen)", "Van 1 tot 3650.", shown, 4));
        return WebResponse.html(status, pages.admin(new AdminPage(frame.page("API-tokens", "tokens"), "API-tokens",
                List.of("Tokens voor koppelingen en scripts die de API gebruiken. Mensen loggen in met hun e-mailadres, niet met een token."), notice(request), secret, List.of(),
                new AdminPage.Table("API-tokens", List.of("Naam", "Rol", "Organisaties", "Aangemaakt", "Verloopt", "Actie"), rows, "Er zijn geen tokens."),
                new AdminPage.FormBlock("Token maken", "/beheer/tokens", shown, fields, "Token maken"), null)));
    }

    /** The token is shown in this answer only (never stored, never in a redirect's URL). */
    APIGatewayV2HTTPResponse createToken(WebRequest request, Actor actor, Frame frame) {
        Permissions.require(actor, Permission.MANAGE_TOKENS, null);
        Form typed = staffTyped(request, false);
        Map<String, String> values = new LinkedHashMap<>(typed.values());
        values.put("dagen", request.field("dagen"));
        List<Form.Error> errors = new ArrayList<>(staffErrors(typed, false));
        int days = 0;
        try {
            days = Integer.parseInt(request.field("dagen").strip());
            if (days < 1 || days > 3650) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            errors.add(new Form.Error("dagen", "Vul een aantal dagen in van 1 tot 3650."));
        }
        if (!errors.isEmpty()) return tokens(request, actor, frame, new Form(values, errors), null, 400);
        Instant now = clock.instant();
        Editor holder = new Editor(typed.value("naam").strip(), Role.valueOf(typed.value("rol")), organisationsOf(request), now, now.plus(Duration.ofDays(days)));
        String token = auth.issue(holder);
        String tokenId = EditorAuth.tokenId(nl.ontwikkelplein.domain.Secrets.hash(token));
        audit.record(actor, "TOKEN", tokenId, null, "CREATED", List.of("*"));
        return tokens(request, actor, frame, null, token, 201);
    }

    APIGatewayV2HTTPResponse revokeToken(Actor actor, String tokenId) {
        Permissions.require(actor, Permission.MANAGE_TOKENS, null);
        if (!tokenId.matches("[0-9a-f]{16}")) throw new WebRequest.BadRequest(404, "Dit token bestaat niet (meer).");
        if (tokens.revoke(tokenId)) audit.record(actor, "TOKEN", tokenId, null, "REVOKED", List.of());
        return WebResponse.seeOther("/beheer/tokens?melding=ingetrokken", List.of());
    }

    // ------------------------------------------------------------------ shared

    private APIGatewayV2HTTPResponse page(Frame frame, String heading, String section, List<String> intro, String notice, String secret,
                                          AdminPage.Table table, AdminPage.FormBlock form, String back, int status) {
        return WebResponse.html(status, pages.admin(new AdminPage(frame.page(heading, section), heading, intro, notice, secret, List.of(), table, form, back)));
    }

    private static String notice(WebRequest request) {
        return switch (request.query("melding")) {
            case "opgeslagen" -> "Opgeslagen.";
            case "uitgenodigd" -> "De uitnodiging is verstuurd.";
            case "niet-verstuurd" -> "Het account is gemaakt, maar de e-mail kon niet worden verstuurd. Laat de persoon zelf inloggen op /beheer/.";
            case "ingetrokken" -> "De toegang is ingetrokken. Het werkt meteen niet meer.";
            default -> null;
        };
    }

    private static Form typed(WebRequest request, String... fields) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : fields) v.put(f, request.field(f));
        return new Form(v, List.of());
    }

    private List<Organisation> sortedOrganisations() {
        return catalog.organisations().stream().sorted(java.util.Comparator.comparing(Organisation::name)).toList();
    }

    private Organisation organisationById(String id) {
        return catalog.organisations().stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new WebRequest.BadRequest(404, "Deze organisatie bestaat niet."));
    }

    private Location locationById(String id) {
        return (Ids.isValid(id) ? catalog.location(id) : Optional.<Location>empty())
                .orElseThrow(() -> new WebRequest.BadRequest(404, "Deze locatie bestaat niet."));
    }

    private StaffMember staffById(String id) {
        return (Ids.isValid(id) ? staff.byId(id) : Optional.<StaffMember>empty())
                .orElseThrow(() -> new WebRequest.BadRequest(404, "Deze medewerker bestaat niet."));
    }

    private static String organisationNames(List<String> ids, Map<String, Organisation> orgs) {
        if (ids.isEmpty()) return "Alle";
        return String.join(", ", ids.stream().map(id -> orgs.containsKey(id) ? orgs.get(id).name() : id).toList());
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
