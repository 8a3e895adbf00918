package io.scenery.cli;

/** A service answered with an unexpected HTTP status. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String body;

    ApiException(String request, int status, String body) {
        super(request + " answered HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
