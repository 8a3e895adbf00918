package io.scenery.vlm.rest;

import io.scenery.events.DetectType;
import io.scenery.vlm.service.AnalysisQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/tasks/{taskId}/analyses")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final AnalysisQuery query;

    public AnalysisResource(AnalysisQuery query) {
        this.query = query;
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
        return "task " + taskId + " has no " + detectType.wireName() + " analysis; it has: " + names;
    }
}
