package io.sidecar.prm.query.web;

/**
 * A query parameter (or a field of a request body) that cannot be served; answered with 400 naming it.
 */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;
    private final String kind;

    public InvalidQueryException(String parameter, String message) {
        this(parameter, message, "query parameter");
    }

    private InvalidQueryException(String parameter, String message, String kind) {
        super(message);
        this.parameter = parameter;
        this.kind = kind;
    }

    /** A field of the request body (or a header) that cannot be served. */
    public static InvalidQueryException field(String field, String message) {
        return new InvalidQueryException(field, message, "field");
    }

    /** What the name is: "query parameter" or "field". */
    public String kind() {
        return kind;
    }

    public String parameter() {
        return parameter;
    }
}
