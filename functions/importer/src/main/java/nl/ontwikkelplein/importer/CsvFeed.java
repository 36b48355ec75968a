package nl.ontwikkelplein.importer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;
import nl.ontwikkelplein.domain.ProgrammeLine;

/**
 * Reads the partner CSV format of docs/import-csv.md: one row per session; rows with the same
 * external_id are one offer, whose fields come from its first row. Rows that cannot be read are
 * reported with their line number and left out.
 */
final class CsvFeed {
    static final int MAX_ROWS = 20_000;
    static final List<String> REQUIRED = List.of("external_id", "title", "kind", "programme_line", "location_name", "start", "end");

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES).build();

    static FeedContent parse(String sourceId, byte[] bytes) { return parse(sourceId, bytes, Categories.DEFAULT); }

    /** @param categories the feed's own words for programme lines and themes, translated before the columns are checked */
    static FeedContent parse(String sourceId, byte[] bytes, Categories categories) {
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem("", 0, "Het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8."));
            return new FeedContent(List.of(), List.of(), problems);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // spreadsheet exports add a BOM

        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                if (rows.size() == MAX_ROWS + 1) { // the header plus MAX_ROWS rows
                    problems.add(new Problem("", line, "Meer dan " + MAX_ROWS + " regels; de rest is niet gelezen."));
                    break;
                }
                rows.add(it.nextValue());
                lines.add(line);
            }
        } catch (IOException | RuntimeException e) {
            // A broken quote or similar: keep what was read before it, report where it broke.
            problems.add(new Problem("", lines.isEmpty() ? 1 : lines.get(lines.size() - 1) + 1,
                    "Het CSV-bestand kan vanaf hier niet worden gelezen (een aanhalingsteken dat niet sluit, of iets dergelijks)."));
        }
        if (rows.isEmpty()) {
            if (problems.isEmpty()) problems.add(new Problem("", 1, "Het bestand is leeg."));
            return new FeedContent(List.of(), List.of(), problems);
        }

        String[] header = Arrays.stream(rows.get(0)).map(h -> h.strip().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        List<String> missing = REQUIRED.stream().filter(c -> !Arrays.asList(header).contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("", 1, "Deze kolommen ontbreken: " + String.join(", ", missing) + "."));
            return new FeedContent(List.of(), List.of(), problems);
        }

        Map<String, Builder> offers = new LinkedHashMap<>();
        Set<String> refused = new HashSet<>(); // offers whose first row was refused: their later rows are not an offer of their own
        Map<String, FeedLocation> locations = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            int line = lines.get(r);
            if (row.length != header.length) {
                problems.add(new Problem("", line, "Verwacht " + header.length + " kolommen, gevonden " + row.length + "."));
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) v.put(header[c], row[c].strip());
            String externalId = v.get("external_id");
            if (externalId.isEmpty() || externalId.length() > 200) {
                problems.add(new Problem("", line, "external_id is leeg of langer dan 200 tekens: niet ingelezen."));
                continue;
            }
            if (refused.contains(externalId)) continue;
            try {
                String locationName = v.get("location_name");
                if (locationName.isEmpty() || locationName.length() > 120) throw new IllegalArgumentException("location_name is leeg of te lang.");
                locations.putIfAbsent(locationName.toLowerCase(Locale.ROOT), new FeedLocation(locationName,
                        new Location.Address(blankToNull(v.get("street")), blankToNull(v.get("postcode")), blankToNull(v.get("city")))));
                OfferInput.SessionInput session = new OfferInput.SessionInput(null, dateTime(v.get("start")), dateTime(v.get("end")),
                        PartnerImport.locationId(sourceId, locationName), seats(v.get("seats")), null);
                Builder offer = offers.get(externalId);
                if (offer == null) {
                    try {
                        offer = new Builder(externalId, line, v, categories);
                    } catch (IllegalArgumentException e) {
                        refused.add(externalId); // the offer's own fields are on its first row
                        throw e;
                    }
                    offers.put(externalId, offer);
                }
                offer.sessions.add(session);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(externalId, line, e.getMessage()));
            }
        }
        List<FeedOffer> out = new ArrayList<>();
        for (Builder b : offers.values()) out.add(b.build());
        return new FeedContent(List.copyOf(locations.values()), out, problems);
    }

    private static final class Builder {
        final String externalId;
        final int line;
        final Map<String, String> first;
        final List<OfferInput.SessionInput> sessions = new ArrayList<>();

        final Long priceCents;
        final Categories categories;
        final String kind, programmeLine, format;

        Builder(String externalId, int line, Map<String, String> first, Categories categories) {
            this.categories = categories;
            this.externalId = externalId;
            this.line = line;
            this.first = first;
            this.priceCents = cents(first.get("price_eur")); // may throw: the row is then reported
            // In the partner's words or ours; what is neither is reported in the editors' terms, not the API's codes.
            this.kind = known(OfferKind.class, first.get("kind"), OfferKind::label, "kind", true, false);
            this.programmeLine = known(ProgrammeLine.class, categories.line(first.get("programme_line")), ProgrammeLine::label, "programme_line", true, true);
            this.format = known(DeliveryFormat.class, first.get("format"), DeliveryFormat::label, "format", false, false);
        }

        FeedOffer build() {
            OfferInput input = new OfferInput(null, first.get("title"), blankToNull(first.get("summary")),
                    blankToNull(first.get("description")),
                    kind, programmeLine, categories.themes(list(first.get("themes"))), list(first.get("target_groups")), format,
                    priceCents, blankToNull(first.get("provider")), blankToNull(first.get("more_info_url")),
                    enrolmentScope(first.get("enrolment")), List.copyOf(sessions), null, null, null, list(first.get("languages")));
            return new FeedOffer(externalId, line, input);
        }
    }

    /**
     * The code of one of ours, by its Dutch label (Cursus) or its code (COURSE); else the row is
     * reported, naming the column and our labels (never the cell: it is the partner's text).
     */
    private static <E extends Enum<E>> String known(Class<E> type, String value, java.util.function.Function<E, String> label, String column,
                                                   boolean required, boolean mappable) {
        if (value == null || value.isBlank()) {
            if (!required) return null;
        } else {
            for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(value.strip()) || label.apply(e).equalsIgnoreCase(value.strip())) return e.name();
        }
        List<String> labels = new ArrayList<>();
        for (E e : type.getEnumConstants()) labels.add(label.apply(e));
        throw new IllegalArgumentException(column + (value == null || value.isBlank() ? " is leeg" : " is geen van onze waarden") + ": kies uit "
                + String.join(", ", labels) + (mappable ? ", of laat de beheerder het woord van de partner koppelen bij ‘Eigen categorieën’" : "")
                + ". Niet ingelezen.");
    }

    /** "cursus" (one enrolment for all lessons) or "per datum"/empty (enrol per date). */
    private static String enrolmentScope(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("per datum")) return null;
        if (value.equalsIgnoreCase("cursus")) return "WHOLE_COURSE";
        return value; // validation names the allowed values
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "2026-12-01 14:00" and "2026-12-01T14:00" both mean local time in the Netherlands. */
    private static String dateTime(String value) {
        if (value == null) return null;
        return value.strip().replace(' ', 'T');
    }

    private static Integer seats(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seats moet een heel getal zijn, of leeg.");
        }
    }

    /** "gratis", "0", "12,50" and "12.50" euro → cents. */
    private static Long cents(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("gratis")) return 0L;
        try {
            BigDecimal euro = new BigDecimal(value.strip().replace("€", "").strip().replace(',', '.'));
            return euro.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("price_eur moet een bedrag zijn zoals 12,50, of 'gratis'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
