package nl.ontwikkelplein.api;

/** A request we refuse, with the status and a message that tells the caller what to change. */
final class HttpError extends RuntimeException {
    final int status;
    final String code;

    HttpError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static HttpError tooLarge(int maxBytes) {
        return new HttpError(413, "too_large", "The request body is larger than " + maxBytes + " bytes.");
    }
}
