package io.scenery.ingest.rest;

import io.quarkus.logging.Log;
import io.scenery.ingest.service.PublishFailedException;
import io.scenery.ingest.service.TaskConflictException;
import io.scenery.ingest.service.TaskNotFoundException;
import io.scenery.storage.BlobTooLargeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns exceptions into JSON {@link ApiError} responses. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        return json(e.status(), e.body());
    }

    @ServerExceptionMapper
    public Response notFound(TaskNotFoundException e) {
        return json(404, new ApiError(e.getMessage(), "id", e.taskId().toString(), e.taskId()));
    }

    @ServerExceptionMapper
    public Response conflict(TaskConflictException e) {
        return json(409, new ApiError(e.getMessage(), "status", e.status().name(), e.taskId()));
    }

    @ServerExceptionMapper
    public Response tooLarge(BlobTooLargeException e) {
        return json(413, ApiError.of("file is larger than the upload limit of " + e.maxBytes() + " bytes", "file",
                null));
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        return json(503, new ApiError(e.getMessage() + "; the task is FAILED, upload the video again later",
                null, null, e.taskId()));
    }

    /** Gives the framework's own client errors, such as 404 for an unknown path or 415, the same JSON shape. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "Request failed with status %d", status);
        }
        String message = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : e.getMessage();
        return json(status, ApiError.of(message));
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
