package nl.ontwikkelplein.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.FieldError;
import nl.ontwikkelplein.domain.Languages;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Vocabulary;
import nl.ontwikkelplein.web.workspace.Choice;
import nl.ontwikkelplein.web.workspace.Field;
import nl.ontwikkelplein.web.workspace.Form;

/**
 * The offer form's fields: their Dutch names and labels, what an offer puts in them, and how the
 * typed values become an {@link OfferInput}. Errors of the domain (named by OfferInput's fields)
 * are mapped back onto these names, so the error summary links to the right field.
 */
final class OfferForms {
    private OfferForms() {}

    /** Form field → OfferInput field, in the order of the form. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("titel", "title");
        FIELDS.put("samenvatting", "summary");
        FIELDS.put("beschrijving", "description");
        FIELDS.put("soort", "kind");
        FIELDS.put("programmalijn", "programmeLine");
        FIELDS.put("thema", "themes");
        FIELDS.put("doelgroep", "targetGroups");
        FIELDS.put("taal", "languages");
        FIELDS.put("vorm", "format");
        FIELDS.put("prijs", "priceCents");
        FIELDS.put("aanbieder", "provider");
        FIELDS.put("meerInfo", "moreInfoUrl");
        FIELDS.put("aanmelden", "enrolmentScope");
        FIELDS.put("wachtlijst", "waitlistLimit");
        FIELDS.put("intake", "intake");
    }

    /** Dutch names of changed fields, for "what a colleague changed" and the history. */
    static String label(String inputField) {
        return switch (inputField) {
            case "title" -> "de titel";
            case "summary" -> "de samenvatting";
            case "description" -> "de beschrijving";
            case "kind" -> "de soort";
            case "programmeLine" -> "de programmalijn";
            case "themes" -> "de thema's";
            case "targetGroups" -> "de doelgroepen";
            case "languages" -> "de talen";
            case "format" -> "de vorm";
            case "priceCents" -> "de prijs";
            case "provider" -> "de aanbieder";
            case "moreInfoUrl" -> "de link voor meer informatie";
            case "enrolmentScope" -> "de manier van aanmelden";
            case "waitlistLimit" -> "de wachtlijst";
            case "intake" -> "het kennismakingsgesprek";
            case "sessions" -> "de data";
            case "status" -> "de status";
            case "*" -> "alles (nieuw)";
            default -> inputField;
        };
    }

    /** The form filled from a stored offer. */
    static Form of(Offer o) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("titel", o.title());
        v.put("samenvatting", nz(o.summary()));
        v.put("beschrijving", nz(o.description()));
        v.put("soort", o.kind() == null ? "" : o.kind().name());
        v.put("programmalijn", o.programmeLine() == null ? "" : o.programmeLine().name());
        v.put("thema", String.join("\n", o.themes()));
        v.put("doelgroep", String.join("\n", o.targetGroups()));
        v.put("taal", String.join("\n", o.languages()));
        v.put("vorm", o.format().name());
        v.put("prijs", !o.price().isKnown() ? "" : o.price().isFree() ? "0" : euros(o.price().cents()));
        v.put("aanbieder", nz(o.provider()));
        v.put("meerInfo", nz(o.moreInfoUrl()));
        v.put("aanmelden", o.enrolmentScope().name());
        v.put("wachtlijst", o.enrolmentPolicy().waitlistLimit() == null ? "" : o.enrolmentPolicy().waitlistLimit().toString());
        v.put("intake", nl.ontwikkelplein.domain.OfferInputs.intake(o.enrolmentPolicy()));
        return new Form(v, List.of());
    }

    static Form blank() {
        return new Form(Map.of("vorm", DeliveryFormat.IN_PERSON.name(), "aanmelden", "PER_SESSION", "prijs", "0", "taal", Languages.DUTCH), List.of());
    }

    /** What was typed, as a form to show again. */
    static Form typed(WebRequest request, List<Form.Error> errors) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : FIELDS.keySet()) {
            List<String> values = request.fields(name);
            v.put(name, name.equals("thema") || name.equals("doelgroep") || name.equals("taal") ? String.join("\n", values) : values.isEmpty() ? "" : values.get(0));
        }
        return new Form(v, errors);
    }

    /**
     * The typed fields over an existing input (its sessions and status stay).
     *
     * @throws nl.ontwikkelplein.domain.InvalidInputException when the price cannot be read
     */
    static OfferInput input(WebRequest request, OfferInput base) {
        String price = request.field("prijs").strip();
        // Empty: an unknown price stays unknown; else free for an editor's offer, unknown for an imported one.
        Long cents = !price.isEmpty() ? cents(price) : base.priceCents() == null ? Long.valueOf(nl.ontwikkelplein.domain.Price.UNKNOWN.cents()) : null;
        if (cents == null && !price.isEmpty()) throw nl.ontwikkelplein.domain.InvalidInputException.of("priceCents", "Schrijf de prijs in euro, zoals 0 of 12,50.");
        String waitlist = request.field("wachtlijst").strip();
        if (!waitlist.isEmpty() && !waitlist.matches("\\d{1,4}"))
            throw nl.ontwikkelplein.domain.InvalidInputException.of("waitlistLimit", "Schrijf een getal, zoals 10. Laat het leeg voor een wachtlijst zonder maximum.");
        return new OfferInput(base.organisationId(), request.field("titel"), request.field("samenvatting"), request.field("beschrijving"),
                emptyToNull(request.field("soort")), emptyToNull(request.field("programmalijn")), request.fields("thema"),
                request.fields("doelgroep"), emptyToNull(request.field("vorm")), cents, request.field("aanbieder"),
                request.field("meerInfo"), emptyToNull(request.field("aanmelden")), base.sessions(), base.status(),
                waitlist.isEmpty() ? null : Integer.valueOf(waitlist), request.field("intake").isEmpty() ? "NONE" : request.field("intake"),
                request.fields("taal"), base.period()); // a period comes with the feed; the form keeps it
    }

    /** Domain errors on this form's fields, in the form's order. */
    static List<Form.Error> errors(List<FieldError> errors) {
        List<Form.Error> out = new ArrayList<>();
        for (Map.Entry<String, String> f : FIELDS.entrySet())
            for (FieldError e : errors) if (e.field().equals(f.getValue())) out.add(new Form.Error(f.getKey(), e.message()));
        for (FieldError e : errors) {
            if (FIELDS.containsValue(e.field())) continue;
            // Rules about the dates (a course's lessons) are shown at the way of enrolling, which decides them.
            out.add(new Form.Error("aanmelden", e.message()));
        }
        return out;
    }

    static List<Field> fields(Form form, Offer current) {
        List<Field> out = new ArrayList<>();
        out.add(Field.text("titel", "Titel", "Kort en duidelijk, zoals ‘Klik & Tik: de basis’.", form, 120, true));
        out.add(Field.text("samenvatting", "Samenvatting", "Eén zin: wat leert of doet iemand? Deze staat in de agenda.", form, 300, false));
        out.add(Field.of("textarea", "beschrijving", "Beschrijving", "Wat gebeurt er, voor wie is het, wat neemt iemand mee? Schrijf in eenvoudige zinnen.", form, 5000));
        out.add(Field.choices("radios", "soort", "Soort", null, form, enumChoices(OfferKind.values(), form.value("soort"))));
        out.add(Field.choices("radios", "programmalijn", "Programmalijn", null, form, enumChoices(ProgrammeLine.values(), form.value("programmalijn"))));
        out.add(Field.choices("checkboxes", "thema", "Thema's", "Kies er een of meer. Bezoekers zoeken hierop.", form,
                listChoices(Vocabulary.THEMES, current == null ? List.of() : current.themes(), form.value("thema"))));
        out.add(Field.choices("checkboxes", "doelgroep", "Voor wie", "Kies er een of meer.", form,
                listChoices(Vocabulary.TARGET_GROUPS, current == null ? List.of() : current.targetGroups(), form.value("doelgroep"))));
        Set<String> languages = new LinkedHashSet<>(List.of(form.value("taal").split("\n")));
        List<Choice> languageChoices = new ArrayList<>();
        for (Map.Entry<String, String> l : Languages.NAMES.entrySet())
            languageChoices.add(new Choice(l.getKey(), l.getValue(), languages.contains(l.getKey())));
        out.add(Field.choices("checkboxes", "taal", "Taal", "In welke taal is het? Meestal Nederlands. Kies meer talen als mensen"
                + " ook in een andere taal terechtkunnen. Bezoekers zoeken hierop.", form, languageChoices));
        out.add(Field.choices("radios", "vorm", "Waar", null, form, enumChoices(DeliveryFormat.values(), form.value("vorm"))));
        out.add(Field.of("number", "prijs", "Prijs in euro", "0 is gratis. Schrijf bijvoorbeeld 12,50.", form, 10));
        out.add(Field.text("aanbieder", "Aanbieder", "Alleen invullen als het niet de bibliotheek zelf is, zoals ‘Taalhuis Hardenberg’.", form, 120, false));
        out.add(Field.of("url", "meerInfo", "Link voor meer informatie", "Begint met https://", form, 500));
        out.add(Field.choices("radios", "aanmelden", "Aanmelden", null, form, List.of(
                new Choice("PER_SESSION", "Per datum: mensen kiezen zelf wanneer ze komen", "PER_SESSION".equals(form.value("aanmelden"))),
                new Choice("WHOLE_COURSE", "Voor de hele cursus: mensen komen naar alle lessen", "WHOLE_COURSE".equals(form.value("aanmelden"))))));
        out.add(Field.of("number", "wachtlijst", "Wachtlijst: hoeveel mensen mogen wachten?",
                "Is het vol? Dan komen mensen op de wachtlijst. Komt er een plaats vrij, dan krijgt de eerste die plaats vanzelf."
                        + " Laat leeg voor een wachtlijst zonder maximum. 0 is: geen wachtlijst.", form, 4));
        String intake = form.value("intake").isEmpty() ? "NONE" : form.value("intake");
        out.add(Field.choices("radios", "intake", "Eerst een kennismakingsgesprek?", "Zoals bij Digisterker of een Taalhuis-traject: aanmelden wordt"
                + " dan een aanvraag. U belt de persoon en neemt de aanvraag daarna aan of wijst hem af.", form, List.of(
                new Choice("NONE", "Nee: wie zich aanmeldt, doet mee", intake.equals("NONE")),
                new Choice("WITH_SEAT", "Ja, en een aanvraag houdt een plaats vast tot het gesprek", intake.equals("WITH_SEAT")),
                new Choice("WITHOUT_SEAT", "Ja, maar een aanvraag krijgt pas een plaats als u hem aanneemt", intake.equals("WITHOUT_SEAT")))));
        return out;
    }

    static List<Choice> locationChoices(List<Location> locations, String organisationId, String selected) {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", "Kies een locatie", selected == null || selected.isEmpty()));
        for (Location l : locations) {
            if (l.organisationId() != null && !l.organisationId().equals(organisationId)) continue;
            String town = l.address() == null || l.address().city() == null ? "" : " (" + l.address().city() + ")";
            out.add(new Choice(l.id(), l.name() + town, l.id().equals(selected)));
        }
        return out;
    }

    private static <E extends Enum<E>> List<Choice> enumChoices(E[] values, String selected) {
        List<Choice> out = new ArrayList<>();
        for (E e : values) out.add(new Choice(e.name(), label(e), e.name().equals(selected)));
        return out;
    }

    private static String label(Enum<?> e) {
        if (e instanceof OfferKind k) return k.label();
        if (e instanceof ProgrammeLine p) return p.label();
        if (e instanceof DeliveryFormat f) return f.label();
        return e.name();
    }

    /** The vocabulary, plus labels the offer already has that are not in it (from an import or the API). */
    private static List<Choice> listChoices(List<String> vocabulary, List<String> existing, String typed) {
        Set<String> chosen = new LinkedHashSet<>(List.of(typed.split("\n")));
        Set<String> all = new LinkedHashSet<>(vocabulary);
        all.addAll(existing);
        List<Choice> out = new ArrayList<>();
        for (String label : all) out.add(new Choice(label, label, chosen.contains(label)));
        return out;
    }

    /** "12,50" → 1250; "0" or "" → 0; null when it is no amount. */
    static Long cents(String typed) {
        String v = typed.replace("€", "").replace(" ", "");
        // With a comma, dots group thousands (1.250,00); without one, a dot is the decimal point (12.50).
        if (v.contains(",")) v = v.replace(".", "").replace(',', '.');
        if (v.isEmpty()) return 0L;
        if (!v.matches("\\d{1,7}(\\.\\d{1,2})?")) return null;
        return new BigDecimal(v).movePointRight(2).longValueExact();
    }

    private static String euros(long cents) {
        return String.format(java.util.Locale.ROOT, "%d,%02d", cents / 100, cents % 100);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    static String emptyToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
