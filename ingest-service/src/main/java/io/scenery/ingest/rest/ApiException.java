package io.scenery.ingest.rest;

/** Raised by the REST layer to respond with the given status and {@link ApiError} body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final ApiError body;

    public ApiException(int status, ApiError body) {
        super(body.error());
        this.status = status;
        this.body = body;
    }

    public static ApiException badRequest(String error, String field, String value) {
        return new ApiException(400, ApiError.of(error, field, value));
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
