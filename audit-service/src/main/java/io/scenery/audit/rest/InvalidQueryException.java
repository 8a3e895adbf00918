package io.scenery.audit.rest;

/** A query parameter has an invalid value, which makes the request fail with 400 Bad Request. */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String value, String problem) {
        super("invalid " + parameter + " '" + value + "': " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
