package nl.ontwikkelplein.domain;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Creating and changing offers, with every rule an editor's input must meet. */
public final class OfferService {
    public static final int MAX_SESSIONS = 60;
    public static final int MAX_SEATS = 1000;
    public static final long MAX_PRICE_CENTS = 100_000_00L;
    private static final Duration MAX_SESSION_LENGTH = Duration.ofHours(12);

    private final Catalog catalog;
    private final Clock clock;
    private final Supplier<Set<String>> organisationIds;
    private final Supplier<Set<String>> locationIds;

    public OfferService(Catalog catalog, Clock clock) {
        this(catalog, clock, () -> ids(catalog.organisations(), Organisation::id), () -> ids(catalog.locations(), Location::id));
    }

    private OfferService(Catalog catalog, Clock clock, Supplier<Set<String>> organisationIds, Supplier<Set<String>> locationIds) {
        this.catalog = catalog;
        this.clock = clock;
        this.organisationIds = organisationIds;
        this.locationIds = locationIds;
    }

    /**
     * The same rules, with the organisations and locations read once: for checking a whole feed,
     * where reading them per offer would cost two queries each. Take it after writing the feed's
     * locations.
     */
    public OfferService withPlacesReadOnce() {
        Set<String> organisations = organisationIds.get();
        Set<String> locations = locationIds.get();
        return new OfferService(catalog, clock, () -> organisations, () -> locations);
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> out = new HashSet<>();
        for (T item : items) out.add(id.apply(item));
        return Set.copyOf(out);
    }

    /** A new offer; published at once unless the input says otherwise (the workspace makes drafts). */
    public Offer create(OfferInput input) {
        Offer offer = toOffer(Ids.newId(input == null ? "" : input.title()), input, List.of(), null, s -> Ids.randomSuffix(8), OfferStatus.PUBLISHED);
        catalog.createOffer(offer);
        return offer;
    }

    public Offer update(String offerId, OfferInput input) {
        Offer existing = catalog.offer(offerId).orElseThrow(() -> new NotFoundException("Offer " + offerId + " does not exist."));
        // An edit of an imported offer takes it over: the import would otherwise overwrite the edit at night.
        Offer.Source source = existing.source() == null ? null : existing.source().takenOver(true);
        Offer offer = toOffer(offerId, input, existing.sessions(), source, s -> Ids.randomSuffix(8), existing.status());
        if (!offer.organisationId().equals(existing.organisationId()))
            throw InvalidInputException.of("organisationId", "Een aanbod kan niet naar een andere organisatie verhuizen.");
        catalog.updateOffer(keepCourseEnrolments(existing, offer));
        return catalog.offer(offerId).orElse(offer);
    }

    /**
     * A change made on top of the version the editor read: refused when the offer changed since.
     *
     * @throws ConflictException CHANGED_MEANWHILE when the stored offer is not the one read at {@code expectedUpdatedAt}
     */
    public Offer update(String offerId, OfferInput input, java.time.Instant expectedUpdatedAt) {
        Offer existing = get(offerId);
        if (!java.util.Objects.equals(existing.updatedAt(), expectedUpdatedAt)) throw ConflictException.of(ConflictException.Reason.CHANGED_MEANWHILE);
        return update(offerId, input);
    }

    /** Staff take an imported offer over as it is: from now on the import leaves it alone. */
    public Offer takeOver(String offerId) {
        Offer existing = get(offerId);
        if (existing.source() == null) throw InvalidInputException.of("", "Dit aanbod komt niet uit een import.");
        if (existing.source().takenOver()) return existing;
        catalog.updateOffer(existing.withSource(existing.source().takenOver(true), clock.instant()));
        return get(offerId);
    }

    /**
     * Staff give a taken-over offer back to its feed: the next import writes it as the feed says
     * (its content hash is cleared, so it counts as changed), or withdraws it when the feed no longer lists it.
     */
    public Offer handBack(String offerId) {
        Offer existing = get(offerId);
        if (existing.source() == null) throw InvalidInputException.of("", "Dit aanbod komt niet uit een import.");
        if (!existing.source().takenOver()) return existing;
        Offer.Source s = existing.source();
        catalog.updateOffer(existing.withSource(new Offer.Source(s.sourceId(), s.externalId(), "", false), clock.instant()));
        return get(offerId);
    }

    /**
     * A draft copy of an offer for a new season: every field, no dates (nor a feed's period), no
     * import source; a price the feed did not give stays unknown (never free by accident).
     */
    public Offer copy(String offerId) {
        Offer original = get(offerId);
        OfferInput input = OfferInputs.withPeriod(OfferInputs.withStatus(OfferInputs.withSessions(OfferInputs.from(original), List.of()), OfferStatus.DRAFT), null);
        Offer copy = toOffer(Ids.newId(original.title()), input, List.of(), null, s -> Ids.randomSuffix(8), OfferStatus.DRAFT);
        if (!original.price().isKnown()) copy = copy.withPrice(Price.UNKNOWN);
        catalog.createOffer(copy);
        return copy;
    }

    public Offer get(String offerId) {
        return catalog.offer(offerId).orElseThrow(() -> new NotFoundException("Offer " + offerId + " does not exist."));
    }

    /**
     * A course enrolment holds a seat in every lesson, so once people enrolled, a lesson added to
     * the course starts with their seats taken: they come to every lesson. The way of enrolling
     * cannot change then without losing track of them.
     *
     * @param existing the offer as stored, or null for a new one
     * @return the changed offer, its new lessons holding the course's enrolments
     */
    public static Offer keepCourseEnrolments(Offer existing, Offer changed) {
        if (existing == null || existing.sessions().stream().noneMatch(s -> s.taken() > 0)) return changed;
        if (existing.enrolmentScope() != changed.enrolmentScope())
            throw new ConflictException("Er zijn al mensen aangemeld. Daarom kan de manier van aanmelden niet meer veranderen.");
        if (!existing.isCourse()) return changed;
        int enrolled = courseEnrolments(existing);
        List<Session> sessions = new ArrayList<>();
        for (Session s : changed.sessions()) {
            if (existing.session(s.id()).isPresent()) {
                sessions.add(s);
            } else if (s.seats() != null && s.seats() < enrolled) {
                throw new ConflictException("Bij deze cursus zijn al " + enrolled + " mensen aangemeld. Zij komen ook naar de nieuwe les. Geef die les minstens "
                        + enrolled + " plaatsen.");
            } else {
                sessions.add(s.withTaken(enrolled));
            }
        }
        return changed.withSessions(sessions);
    }

    /** People enrolled in a course: each holds a seat in every lesson that is not called off. */
    static int courseEnrolments(Offer course) {
        List<Session> lessons = course.courseSessions().isEmpty() ? course.sessions() : course.courseSessions();
        return lessons.stream().mapToInt(Session::taken).max().orElse(0);
    }

    /**
     * Checks a partner's offer by the same rules as an editor's. Session ids derive from the
     * offer and the start time, so importing the same feed again finds the same sessions.
     */
    public Offer checkImported(String offerId, Offer.Source source, OfferInput input, List<Session> existingSessions) {
        return toOffer(offerId, input, existingSessions, source,
                s -> Ids.derived("s", offerId, s.start() == null ? "" : s.start().strip(), s.locationId() == null ? "" : s.locationId()),
                OfferStatus.PUBLISHED);
    }

    /** @param defaultStatus the status when the input names none: PUBLISHED for a new offer, the current one for a change */
    private Offer toOffer(String id, OfferInput in, List<Session> existingSessions, Offer.Source source,
                          Function<OfferInput.SessionInput, String> newSessionId, OfferStatus defaultStatus) {
        if (in == null) throw InvalidInputException.of("", "Stuur een aanbod mee.");
        List<FieldError> errors = new ArrayList<>();
        String organisationId = in.organisationId();
        if (!Ids.isValid(organisationId)) errors.add(new FieldError("organisationId", "Kies de organisatie van dit aanbod."));
        else if (!organisationIds.get().contains(organisationId))
            errors.add(new FieldError("organisationId", "Deze organisatie bestaat niet."));
        String title = text(in.title(), "title", 3, 120, true, errors);
        String summary = text(in.summary(), "summary", 0, 300, false, errors);
        String description = text(in.description(), "description", 0, 5000, false, errors);
        OfferKind kind = choice(OfferKind.class, in.kind(), "kind", errors);
        ProgrammeLine line = choice(ProgrammeLine.class, in.programmeLine(), "programmeLine", errors);
        DeliveryFormat format = in.format() == null ? DeliveryFormat.IN_PERSON : choice(DeliveryFormat.class, in.format(), "format", errors);
        List<String> themes = labels(in.themes(), "themes", errors);
        List<String> groups = labels(in.targetGroups(), "targetGroups", errors);
        List<String> languages = languages(in.languages(), errors);
        // An editor who gives no price means free; a feed that gives none leaves it unknown (also once staff took the offer over).
        long cents = in.priceCents() != null ? in.priceCents() : source != null ? Price.UNKNOWN.cents() : 0;
        // -1 says "not known" outright (the form keeps an unknown price so when its field stays empty).
        if (in.priceCents() != null && cents != Price.UNKNOWN.cents() && (cents < 0 || cents > MAX_PRICE_CENTS))
            errors.add(new FieldError("priceCents", "De prijs moet tussen 0 (gratis) en 100000 euro liggen, in centen."));
        String provider = text(in.provider(), "provider", 0, 120, false, errors);
        String url = text(in.moreInfoUrl(), "moreInfoUrl", 0, 500, false, errors);
        if (url != null && !isWebAddress(url))
            errors.add(new FieldError("moreInfoUrl", "Gebruik een webadres dat begint met https:// of http://."));
        EnrolmentScope scope = in.enrolmentScope() == null ? EnrolmentScope.PER_SESSION
                : choice(EnrolmentScope.class, in.enrolmentScope(), "enrolmentScope", errors);
        List<Session> sessions = sessions(in.sessions(), existingSessions, newSessionId, errors);
        Offer.Period period = period(in.period(), errors);
        if (period != null && !sessions.isEmpty())
            errors.add(new FieldError("period", "Een aanbod heeft datums met tijden of een periode, niet allebei."));
        OfferStatus status = in.status() == null ? defaultStatus : choice(OfferStatus.class, in.status(), "status", errors);
        if (scope == EnrolmentScope.WHOLE_COURSE) {
            // A draft may wait for its lessons (a new course, a copy for next season); a published course needs them.
            if (sessions.isEmpty()) {
                if (status != OfferStatus.DRAFT) errors.add(new FieldError("sessions", "Een cursus heeft minstens één les."));
            }
            else if (sessions.stream().map(Session::seats).distinct().count() != 1 || sessions.get(0).seats() == null)
                errors.add(new FieldError("sessions", "Geef alle lessen van een cursus hetzelfde aantal plaatsen: wie zich aanmeldt, komt naar alle lessen."));
        }
        Integer waitlist = in.waitlistLimit();
        if (waitlist != null && (waitlist < 0 || waitlist > EnrolmentPolicy.MAX_WAITLIST))
            errors.add(new FieldError("waitlistLimit", "De wachtlijst is 0 (geen wachtlijst) tot " + EnrolmentPolicy.MAX_WAITLIST
                    + " mensen lang. Laat het leeg voor een wachtlijst zonder maximum."));
        String intake = in.intake() == null ? "NONE" : in.intake().strip().toUpperCase(Locale.ROOT);
        if (!List.of("NONE", "WITH_SEAT", "WITHOUT_SEAT").contains(intake))
            errors.add(new FieldError("intake", "Kies NONE (geen kennismakingsgesprek), WITH_SEAT (de aanvraag houdt een plaats vast) of WITHOUT_SEAT."));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Offer(id, organisationId, title, summary, description, kind, line, themes, groups, format,
                new Price(cents), provider, url, scope, source, clock.instant(), sessions, status,
                new EnrolmentPolicy(waitlist, !intake.equals("NONE"), intake.equals("WITH_SEAT")), languages, period);
    }

    /** From and to (ISO dates, both included, at most two years apart) and an existing place, or none. */
    private Offer.Period period(OfferInput.PeriodInput in, List<FieldError> errors) {
        if (in == null) return null;
        java.time.LocalDate start = date(in.start(), "period.start", errors), end = date(in.end(), "period.end", errors);
        if (in.locationId() != null && !locationIds.get().contains(in.locationId()))
            errors.add(new FieldError("period.locationId", "Kies een bestaande locatie, of geen."));
        if (start == null || end == null) return null;
        if (end.isBefore(start)) {
            errors.add(new FieldError("period.end", "De laatste dag ligt op of na de eerste."));
            return null;
        }
        if (end.isAfter(start.plusYears(2))) {
            errors.add(new FieldError("period.end", "Een periode duurt hoogstens twee jaar."));
            return null;
        }
        return new Offer.Period(start, end, in.locationId());
    }

    private static java.time.LocalDate date(String value, String field, List<FieldError> errors) {
        try {
            if (value != null) return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            // below
        }
        errors.add(new FieldError(field, "Vul een datum in, zoals 2026-09-07."));
        return null;
    }

    /** Codes or names of languages (Nederlands, en, Arabic, nl-NL) → codes; Dutch when none is given. */
    private static List<String> languages(List<String> values, List<FieldError> errors) {
        if (values == null || values.isEmpty()) return Languages.DEFAULT;
        if (values.size() > Languages.MAX_PER_OFFER) {
            errors.add(new FieldError("languages", "Kies hoogstens " + Languages.MAX_PER_OFFER + " talen."));
            return Languages.DEFAULT;
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) continue;
            String code = Languages.code(v);
            if (code == null) {
                String shown = v.strip().length() > 40 ? v.strip().substring(0, 40) + "…" : v.strip();
                errors.add(new FieldError("languages", "Deze taal kennen we niet: " + shown
                        + ". Schrijf de naam in het Nederlands (bijvoorbeeld Engels of Arabisch) of de taalcode (en, ar)."));
            } else if (!out.contains(code)) out.add(code);
        }
        return out.isEmpty() ? Languages.DEFAULT : out;
    }

    private List<Session> sessions(List<OfferInput.SessionInput> inputs, List<Session> existing,
                                   Function<OfferInput.SessionInput, String> newSessionId, List<FieldError> errors) {
        if (inputs == null) return List.of();
        if (inputs.size() > MAX_SESSIONS) {
            errors.add(new FieldError("sessions", "Een aanbod heeft hoogstens " + MAX_SESSIONS + " bijeenkomsten."));
            return List.of();
        }
        Set<String> knownLocations = locationIds.get();
        Set<String> seen = new HashSet<>();
        List<Session> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            OfferInput.SessionInput s = inputs.get(i);
            String at = "sessions[" + i + "]";
            if (s == null) { errors.add(new FieldError(at, "Deze bijeenkomst is leeg.")); continue; }
            String id = s.id() != null ? s.id() : newSessionId.apply(s);
            Session previous = existing.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
            if (s.id() != null && previous == null) {
                errors.add(new FieldError(at + ".id", "Deze bijeenkomst bestaat niet bij dit aanbod. Laat id weg voor een nieuwe bijeenkomst."));
                continue;
            }
            if (!seen.add(id)) { errors.add(new FieldError(at + ".id", "Deze bijeenkomst staat twee keer in de lijst.")); continue; }
            LocalDateTime start = dateTime(s.start(), at + ".start", errors);
            LocalDateTime end = dateTime(s.end(), at + ".end", errors);
            if (start != null && end != null) {
                if (!end.isAfter(start)) errors.add(new FieldError(at + ".end", "Het einde moet na het begin liggen."));
                else if (Duration.between(start, end).compareTo(MAX_SESSION_LENGTH) > 0)
                    errors.add(new FieldError(at + ".end", "Een bijeenkomst duurt hoogstens 12 uur."));
            }
            if (s.locationId() == null || !knownLocations.contains(s.locationId()))
                errors.add(new FieldError(at + ".locationId", "Kies een bestaande locatie."));
            if (s.seats() != null && (s.seats() < 1 || s.seats() > MAX_SEATS))
                errors.add(new FieldError(at + ".seats", "Het aantal plaatsen ligt tussen 1 en " + MAX_SEATS + ". Laat het weg als aanmelden niet nodig is."));
            Session.SessionStatus status = s.status() == null ? Session.SessionStatus.SCHEDULED
                    : choice(Session.SessionStatus.class, s.status(), at + ".status", errors);
            String note = text(s.note(), at + ".note", 0, 200, false, errors);
            if (start == null || end == null || status == null) continue;
            out.add(new Session(id, start, end, s.locationId(), s.seats(), previous == null ? 0 : previous.taken(), status, note));
        }
        return out;
    }

    private static String text(String value, String field, int min, int max, boolean required, List<FieldError> errors) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) errors.add(new FieldError(field, "Dit veld is verplicht."));
            return null;
        }
        if (v.length() < min) errors.add(new FieldError(field, "Gebruik minstens " + min + " tekens."));
        if (v.length() > max) errors.add(new FieldError(field, "Gebruik hoogstens " + max + " tekens."));
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'))
            errors.add(new FieldError(field, "Deze tekst bevat onzichtbare stuurtekens. Typ de tekst opnieuw."));
        return v;
    }

    private static List<String> labels(List<String> values, String field, List<FieldError> errors) {
        if (values == null) return List.of();
        if (values.size() > 12) { errors.add(new FieldError(field, "Kies hoogstens 12.")); return List.of(); }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = text(v, field, 1, 60, true, errors);
            if (t != null && !out.contains(t)) out.add(t);
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value != null) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below with the allowed values
            }
        }
        errors.add(new FieldError(field, "Kies een van: " + String.join(", ", names(type)) + "."));
        return null;
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name());
        return names;
    }

    private static LocalDateTime dateTime(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) { errors.add(new FieldError(field, "Vul datum en tijd in, zoals 2026-12-01T14:00.")); return null; }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Gebruik datum en tijd als 2026-12-01T14:00 (tijd in Nederland)."));
            return null;
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
