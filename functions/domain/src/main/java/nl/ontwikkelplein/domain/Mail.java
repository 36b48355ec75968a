package nl.ontwikkelplein.domain;

/** One email to one person: plain text always, HTML as an alternative. */
public record Mail(String to, String subject, String text, String html) {
    public Mail {
        if (to == null || Emails.normalise(to).isEmpty()) throw new IllegalArgumentException("invalid recipient");
        if (subject == null || subject.isBlank() || subject.contains("\n") || subject.contains("\r"))
            throw new IllegalArgumentException("a subject is one line");
        if (text == null) throw new IllegalArgumentException("text is required");
    }
}
