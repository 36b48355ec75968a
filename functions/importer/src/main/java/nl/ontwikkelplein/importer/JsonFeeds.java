package nl.ontwikkelplein.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ontwikkelplein.domain.Session;

/**
 * JSON as partners' servers write it (OOAPI, schema.org JSON-LD): read with limits, so a hostile
 * or broken document costs little (nesting, string and number sizes capped), and tolerant of what
 * hand-made JSON-LD often has where the meaning is clear (trailing commas, comments, raw line
 * breaks inside strings). A key given twice keeps its last value, as browsers' JSON.parse does.
 */
final class JsonFeeds {
    static final int MAX_DEPTH = 40;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxStringLength(1_000_000).maxNumberLength(40).maxNameLength(1_000).build())
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                            JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .build())
            .build();
    private static final Pattern LOCAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)");

    private JsonFeeds() { }

    /** A document that cannot be read, with a reason that holds none of its text. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) { super(reason, null, false, false); }
    }

    /** The text of a feed that must be UTF-8 (JSON is, RFC 8259); a byte order mark is dropped. */
    static String utf8(byte[] bytes) throws Unreadable {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("Het bestand is geen UTF-8-tekst.");
        }
    }

    static JsonNode parse(String text) throws Unreadable {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) throw new Unreadable("Het bestand is leeg.");
            return node;
        } catch (StreamConstraintsException e) {
            throw new Unreadable("De JSON is dieper genest dan " + MAX_DEPTH + " niveaus, of heeft een waarde die veel te lang is.");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new Unreadable("De JSON kan niet worden gelezen" + (at == null || at.getLineNr() < 1 ? "" : " vanaf regel " + at.getLineNr()) + ".");
        } catch (IOException e) {
            throw new Unreadable("De JSON kan niet worden gelezen.");
        }
    }

    /** A text value: a string, a number, or the first of an array of them. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isArray()) return node.isEmpty() ? null : text(node.get(0));
        if (node.isTextual() || node.isNumber()) return node.asText();
        if (node.isObject() && node.has("@value")) return text(node.get("@value"));
        return null;
    }

    /** The items of a value that may be one item or an array of them. */
    static List<JsonNode> many(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) return out;
        if (node.isArray()) node.forEach(out::add);
        else out.add(node);
        return out;
    }

    /**
     * A moment as Dutch local time: ISO 8601 with an offset or Z (converted), or without one (taken
     * as Dutch time); a space instead of the T is accepted. Null for a date without a time, or text that is no moment.
     */
    static LocalDateTime moment(String value) {
        if (value == null) return null;
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v.replace(' ', 'T')).atZoneSameInstant(Session.ZONE).toLocalDateTime();
        } catch (DateTimeParseException e) {
            // no offset, or not a moment
        }
        try {
            return ZonedDateTime.parse(v.replace(' ', 'T')).withZoneSameInstant(Session.ZONE).toLocalDateTime();
        } catch (DateTimeParseException e) {
            // no zone either
        }
        Matcher m = LOCAL.matcher(v);
        if (!m.matches()) return null;
        try {
            return LocalDateTime.parse(m.group(1) + "T" + m.group(2));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A day ("2027-09-06", also with a time after it, which is ignored); null when it is none. */
    static java.time.LocalDate day(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) return null;
        try {
            return java.time.LocalDate.parse(v.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A price in cents from a number or text ("25", "25.00", "€ 25,50", "gratis", "free"); null when it says no amount. */
    static Long cents(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) return toCents(node.decimalValue());
        String t = text(node);
        if (t == null) return null;
        String v = t.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("gratis") || v.equals("free") || v.equals("kosteloos")) return 0L;
        v = v.replace("€", "").replace("eur", "").replace(" ", "").replace(",-", "");
        if (v.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) v = v.replace(".", "").replace(',', '.'); // 1.250,00
        else if (v.matches("\\d+,\\d{1,2}")) v = v.replace(',', '.');
        if (!v.matches("\\d{1,9}(\\.\\d{1,4})?")) return null;
        return toCents(new BigDecimal(v));
    }

    private static Long toCents(BigDecimal amount) {
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(10_000_000)) > 0) return null;
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
