package io.scenery.ingest.rest;

import io.scenery.ingest.TaskView;
import io.scenery.ingest.service.TaskCancellation;
import io.scenery.ingest.service.TaskNotFoundException;
import io.scenery.ingest.service.TaskQueries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import java.util.regex.Pattern;

@Path(TaskResource.PATH)
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final String PATH = "/api/v1/tasks";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final TaskQueries queries;
    private final TaskCancellation cancellation;
    private final TaskEventStreams eventStreams;

    public TaskResource(TaskQueries queries, TaskCancellation cancellation, TaskEventStreams eventStreams) {
        this.queries = queries;
        this.cancellation = cancellation;
        this.eventStreams = eventStreams;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a task's status and progress")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No task has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public TaskView get(@PathParam("id") String id) {
        UUID taskId = parseTaskId(id);
        return queries.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a task that is still working",
            description = "Marks the task CANCELLED and raises its Redis cancel flag, so the slicer and the VLM stop.")
    @APIResponse(responseCode = "202", description = "The task, now CANCELLED",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No task has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The task is already COMPLETED, FAILED or CANCELLED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response cancel(@PathParam("id") String id) {
        UUID taskId = parseTaskId(id);
        return Response.accepted(cancellation.cancel(taskId)).build();
    }

    /**
     * Streams the task as Server-Sent Events: a {@code task} event with the current state, a {@code progress}
     * event per update, and a final {@code task} event once the task is terminal, after which the stream ends.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a task's progress as Server-Sent Events",
            description = "Event 'task' carries the task as GET returns it; event 'progress' carries an"
                    + " analysis-progress event. The stream ends after a 'task' event with a terminal status.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "404", description = "No task has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @Blocking
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
        UUID taskId = parseTaskId(id);
        TaskView current = queries.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));

        return eventStreams.open(current.taskId(), sse);
    }

    private static UUID parseTaskId(String id) {
        if (id == null || !CANONICAL_UUID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid task id '" + id + "'; expected a UUID such as"
                    + " 123e4567-e89b-12d3-a456-426614174000", "id", id);
        }
        return UUID.fromString(id);
    }
}
