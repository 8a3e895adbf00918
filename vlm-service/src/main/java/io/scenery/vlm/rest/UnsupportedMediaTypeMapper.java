package io.scenery.vlm.rest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns a request body of a media type that no endpoint accepts into a 415 with a JSON body. Quarkus REST
 * rejects such a request with an empty 415 before any resource method runs.
 */
public class UnsupportedMediaTypeMapper {

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String message = "unsupported Content-Type '" + (contentType == null ? "" : contentType) + "'; send "
                + "application/json to /api/v1/tasks/{taskId}/analyses and multipart/form-data to /api/v1/detections";
        return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(415, message, null))
                .build();
    }
}
