package io.scenery.ingest.rest;

import io.scenery.ingest.TaskView;
import io.scenery.ingest.service.UploadRequest;
import io.scenery.ingest.service.UploadService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;

@Path("/api/v1/videos")
@Tag(name = "Videos")
public class UploadResource {

    private final UploadService uploads;

    public UploadResource(UploadService uploads) {
        this.uploads = uploads;
    }

    /** Runs on a worker thread: Quarkus REST has already written the file part to a temporary file. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a video and start slicing and analysis",
            description = "Stores the video, creates a PENDING task and announces it on the video-uploaded topic.")
    @APIResponse(responseCode = "202", description = "Upload accepted; follow statusUrl or eventsUrl",
            content = @Content(schema = @Schema(implementation = UploadAccepted.class)))
    @APIResponse(responseCode = "400", description = "Missing or empty file, unknown container format,"
            + " or an invalid detectTypes, threshold, minSceneSeconds, minChangedArea, minSceneArea or"
            + " settleFrames",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "File or request larger than scenery.ingest.max-upload-size")
    @APIResponse(responseCode = "503", description = "Task created but not announced on Kafka; it is FAILED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response upload(UploadForm form) throws IOException {
        UploadRequest request = UploadFormParser.parse(form);

        TaskView task = uploads.accept(request);

        UploadAccepted body = UploadAccepted.of(task);
        return Response.accepted(body).location(URI.create(body.statusUrl())).build();
    }
}
