package nl.ontwikkelplein.sitebuilder;

import java.util.Map;

/**
 * One JSON line per event on stdout/stderr, which Lambda sends to CloudWatch. Only ids and
 * counts are logged: the catalog holds no personal data, and nothing here may add any.
 */
public final class Log {
    private Log() {}

    public static void info(String message, Map<String, ?> fields) {
        System.out.println(line("INFO", message, fields, null));
    }

    public static void error(String message, Map<String, ?> fields, Throwable error) {
        System.err.println(line("ERROR", message, fields, error));
    }

    static String line(String level, String message, Map<String, ?> fields, Throwable error) {
        StringBuilder b = new StringBuilder("{\"level\":\"").append(level).append("\",\"message\":");
        quote(message, b);
        for (Map.Entry<String, ?> f : new java.util.TreeMap<>(fields).entrySet()) {
            b.append(',');
            quote(f.getKey(), b);
            b.append(':');
            if (f.getValue() instanceof Number || f.getValue() instanceof Boolean) b.append(f.getValue());
            else quote(String.valueOf(f.getValue()), b);
        }
        if (error != null) {
            b.append(",\"error\":");
            quote(error.getClass().getName() + ": " + error.getMessage(), b);
            StackTraceElement[] trace = error.getStackTrace();
            if (trace.length > 0) {
                b.append(",\"at\":");
                quote(trace[0].toString(), b);
            }
        }
        return b.append('}').toString();
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
    }
}
