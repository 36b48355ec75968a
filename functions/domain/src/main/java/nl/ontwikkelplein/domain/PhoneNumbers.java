package nl.ontwikkelplein.domain;

/** Phone numbers as people type them: "06-12 34 56 78", "+31 6 12345678", "0031612345678". */
public final class PhoneNumbers {
    private PhoneNumbers() {}

    /** @return the number as +31612345678 (or +{country}{number}), or null when it is not a phone number */
    public static String normalise(String raw) {
        if (raw == null || raw.length() > 40) return null;
        String s = raw.strip();
        if (!s.matches("[+0-9 ()\\-.]+")) return null;
        boolean plus = s.startsWith("+");
        String digits = s.replaceAll("[^0-9]", "");
        if (plus) return international(digits);
        if (digits.startsWith("00")) return international(digits.substring(2));
        // Dutch national format: a leading 0 and ten digits in all.
        if (digits.length() == 10 && digits.startsWith("0")) return "+31" + digits.substring(1);
        return null;
    }

    private static String international(String digits) {
        if (digits.startsWith("31")) {
            String national = digits.substring(2);
            if (national.startsWith("0")) national = national.substring(1); // "+31 (0)6 ..."
            return national.length() == 9 ? "+31" + national : null;
        }
        return digits.length() >= 8 && digits.length() <= 15 && !digits.startsWith("0") ? "+" + digits : null;
    }
}
