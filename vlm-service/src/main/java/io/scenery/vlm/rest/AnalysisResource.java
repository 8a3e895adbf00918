package io.scenery.vlm.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.scenery.events.DetectType;
import io.scenery.events.messaging.EventPublishException;
import io.scenery.vlm.AnalysisStatus;
import io.scenery.vlm.service.AnalysisQuery;
import io.scenery.vlm.service.AnalysisRequests;
import io.scenery.vlm.service.UnknownScenesException;
import io.scenery.vlm.service.UnknownTaskException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Starts analyses of a task's scenes and returns their state and results. */
@Path("/api/v1/tasks/{taskId}/analyses")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final AnalysisQuery query;
    private final AnalysisRequests requests;

    public AnalysisResource(AnalysisQuery query, AnalysisRequests requests) {
        this.query = query;
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Starts an analysis of a task's scenes, or returns the one that exists",
            description = "Queues the analysis on the analysis-requests topic. An analysis of the same detect type "
                    + "that is completed over the same scenes is returned as it is (200); one that is pending or "
                    + "running, on this or another replica, is returned with its status and nothing new starts "
                    + "(202). A failed or cancelled analysis, or a completed one over other scenes, runs again.")
    @APIResponse(responseCode = "200", description = "The analysis is completed over these scenes; its result",
            content = @Content(schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "202", description = "The analysis is queued or running; poll the Location URL",
            headers = @Header(name = "Location", description = "The URL of the analysis"),
            content = @Content(schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "400", description = "The body is missing or invalid, the detect type is unknown, "
            + "or a scene id is not a UUID or not a scene of the task",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "vlm-service has no scenes of the task (unknown task, or "
            + "its scenes are not ready yet)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not accept the request; retry later",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response request(@PathParam("taskId") String taskId,
                            @RequestBody(required = true) AnalysisRequestBody body) {
        UUID task = RequestParameters.taskId(taskId);
        if (body == null) {
            throw ErrorResponse.badRequest("the request body is missing; send JSON such as "
                    + "{\"detectType\": \"control\", \"sceneIds\": [\"<scene id>\"]}");
        }
        if (body.detectType() == null || body.detectType().isBlank()) {
            throw ErrorResponse.badRequest("detectType is missing; set it to control, text or all",
                    RequestParameters.acceptedDetectTypes());
        }
        DetectType type = RequestParameters.detectType(body.detectType());
        List<UUID> sceneIds = RequestParameters.sceneIds(body.sceneIds());

        AnalysisRequests.Accepted accepted;
        try {
            accepted = requests.request(task, type, sceneIds);
        } catch (UnknownTaskException e) {
            throw ErrorResponse.notFound(e.getMessage());
        } catch (UnknownScenesException e) {
            throw ErrorResponse.badRequest(e.getMessage(),
                    e.knownSceneIds().stream().map(UUID::toString).toList());
        } catch (EventPublishException e) {
            throw ErrorResponse.unavailable("the analysis could not be queued: " + e.getMessage()
                    + "; retry later");
        }

        AnalysisView view = AnalysisView.of(accepted.analysis());
        boolean finished = !accepted.started() && view.status() == AnalysisStatus.COMPLETED;
        URI location = URI.create("/api/v1/tasks/" + task + "/analyses/" + type.wireName());
        return Response.status(finished ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(location)
                .entity(view)
                .build();
    }

    /**
     * Turns a body that is not JSON into a 400 that names the expected form. Quarkus REST reports such a body as a
     * WebApplicationException caused by the Jackson error, with an empty 400.
     */
    @ServerExceptionMapper
    public Response invalidJson(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return invalidBody(cause);
        }
        return e.getResponse();
    }

    /** Turns JSON of the wrong shape, such as a string for sceneIds, into a 400 that names the expected form. */
    @ServerExceptionMapper
    public Response invalidBody(JsonProcessingException e) {
        String form = "{\"detectType\": \"control\", \"sceneIds\": [\"<scene id>\"]}";
        String message = "the request body is not valid JSON of the form " + form + ": " + e.getOriginalMessage();
        List<String> acceptedValues = null;
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(0).getFieldName();
            message = switch (field == null ? "" : field) {
                case "sceneIds" -> "sceneIds must be a JSON array of scene id strings, such as "
                        + "[\"6c1f1f0e-2b7d-4c8e-9a51-3d2f4b6a7c10\"]; omit it to analyse every scene";
                case "detectType" -> {
                    acceptedValues = RequestParameters.acceptedDetectTypes();
                    yield "detectType must be a JSON string: control, text or all";
                }
                default -> "the request body does not have the form " + form + ": field " + field
                        + " has the wrong JSON type";
            };
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(400, message, acceptedValues))
                .build();
    }

    @GET
    @Path("/{detectType}")
    @Operation(summary = "Returns a task's analysis for one detect type, with the elements found per scene")
    @APIResponse(responseCode = "200", description = "The analysis, also while it is running")
    @APIResponse(responseCode = "400", description = "The task id is not a UUID or the detect type is unknown")
    @APIResponse(responseCode = "404", description = "No analysis of this detect type exists for the task")
    public AnalysisView analysis(@PathParam("taskId") String taskId, @PathParam("detectType") String detectType) {
        UUID task = RequestParameters.taskId(taskId);
        DetectType type = RequestParameters.detectType(detectType);
        return query.find(task, type)
                .map(AnalysisView::of)
                .orElseThrow(() -> ErrorResponse.notFound(notFoundMessage(task, type)));
    }

    private String notFoundMessage(UUID taskId, DetectType detectType) {
        List<DetectType> existing = query.detectTypesOf(taskId);
        if (existing.isEmpty()) {
            return "no analysis found for task " + taskId + "; analyses start when its scenes are ready";
        }
        String names = existing.stream().map(DetectType::wireName).collect(Collectors.joining(", "));
        return "task " + taskId + " has no " + detectType.wireName() + " analysis; it has: " + names
                + ". Run one with POST /api/v1/tasks/" + taskId + "/analyses and {\"detectType\": \""
                + detectType.wireName() + "\"}";
    }
}
