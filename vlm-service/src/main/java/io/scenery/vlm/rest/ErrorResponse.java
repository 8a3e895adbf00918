package io.scenery.vlm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The body of every 4xx response of this API.
 *
 * @param acceptedValues the values the rejected parameter accepts, when it has a fixed set
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(int status, String message, List<String> acceptedValues) {

    static WebApplicationException badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, message, null);
    }

    static WebApplicationException badRequest(String message, List<String> acceptedValues) {
        return error(Response.Status.BAD_REQUEST, message, acceptedValues);
    }

    static WebApplicationException badGateway(String message) {
        return error(Response.Status.BAD_GATEWAY, message, null);
    }

    static WebApplicationException unavailable(String message) {
        return error(Response.Status.SERVICE_UNAVAILABLE, message, null);
    }

    static WebApplicationException notFound(String message) {
        return error(Response.Status.NOT_FOUND, message, null);
    }

    private static WebApplicationException error(Response.Status status, String message,
                                                 List<String> acceptedValues) {
        Response response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status.getStatusCode(), message, acceptedValues))
                .build();
        return new WebApplicationException(message, response);
    }
}
