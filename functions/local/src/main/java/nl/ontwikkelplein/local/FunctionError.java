package nl.ontwikkelplein.local;

/**
 * A failed invocation, as Lambda reports it to the caller (errorType and errorMessage), e.g. an
 * exception thrown by the handler, an init failure, or a timeout.
 */
public final class FunctionError extends Exception {

    private final String errorType;

    FunctionError(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
