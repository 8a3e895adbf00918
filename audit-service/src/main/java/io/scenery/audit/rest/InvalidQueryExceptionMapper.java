package io.scenery.audit.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns an {@link InvalidQueryException} into 400 Bad Request with an {@link ErrorResponse} body. */
public class InvalidQueryExceptionMapper {

    @ServerExceptionMapper
    public Response toResponse(InvalidQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(e.parameter(), e.getMessage()))
                .build();
    }
}
