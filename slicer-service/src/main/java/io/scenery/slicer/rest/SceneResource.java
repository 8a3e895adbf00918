package io.scenery.slicer.rest;

import io.scenery.slicer.Scene;
import io.scenery.slicer.SlicingRun;
import io.scenery.slicer.repository.SceneRepository;
import io.scenery.slicer.service.SlicingRunStore;
import io.scenery.storage.BlobStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Scenes of a task and their keyframe images. */
@Path("/api/v1")
public class SceneResource {

    private static final String JPEG = "image/jpeg";
    private static final String CSV = "text/csv";
    private static final String SCENES_HEADER = "scene,start_frame,end_frame,start_seconds,end_seconds,"
            + "keyframe_frame,keyframe_seconds,motion,keyframe_key";

    private final SlicingRunStore store;
    private final SceneRepository scenes;
    private final BlobStore blobs;

    public SceneResource(SlicingRunStore store, SceneRepository scenes, BlobStore blobs) {
        this.store = store;
        this.scenes = scenes;
        this.blobs = blobs;
    }

    @GET
    @Path("/tasks/{taskId}/scenes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response taskScenes(@PathParam("taskId") String taskIdText) {
        UUID taskId = parseId(taskIdText);
        if (taskId == null) {
            return invalidId("task id", taskIdText);
        }
        SlicingRun run = store.find(taskId);
        if (run == null) {
            return notFound("no slicing run for task " + taskId + "; the task is unknown or its video was not"
                    + " received yet");
        }
        List<SceneView> views = store.scenes(taskId).stream().map(SceneView::of).toList();
        return Response.ok(new TaskScenesView(taskId, run.status, views.size(), run.stats(), run.error, views))
                .build();
    }

    /** Returns the scene list as CSV, one line per scene. */
    @GET
    @Path("/tasks/{taskId}/scenes.csv")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    public Response taskScenesCsv(@PathParam("taskId") String taskIdText) {
        UUID taskId = parseId(taskIdText);
        if (taskId == null) {
            return invalidId("task id", taskIdText);
        }
        if (store.find(taskId) == null) {
            return notFound("no slicing run for task " + taskId + "; the task is unknown or its video was not"
                    + " received yet");
        }
        StringBuilder csv = new StringBuilder(SCENES_HEADER).append('\n');
        for (Scene scene : store.scenes(taskId)) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.4f,%.4f,%d,%.4f,%.3f,%s%n", scene.sceneNumber,
                    scene.startFrame, scene.endFrame, scene.startSeconds, scene.endSeconds, scene.keyframeFrame,
                    scene.keyframeSeconds, scene.motion, scene.keyframeKey));
        }
        return Response.ok(csv.toString(), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + taskId + "-scenes.csv\"").build();
    }

    /** Returns per-frame statistics as CSV: frame, seconds, motion, changed_area, cut (1 where a scene starts). */
    @GET
    @Path("/tasks/{taskId}/frames.csv")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    public Response taskFramesCsv(@PathParam("taskId") String taskIdText) {
        UUID taskId = parseId(taskIdText);
        if (taskId == null) {
            return invalidId("task id", taskIdText);
        }
        java.nio.file.Path file = blobs.localPath("keyframes/" + taskId + "/frames.csv");
        if (!Files.isRegularFile(file)) {
            return notFound("no frame statistics for task " + taskId + "; the task is unknown, still running or"
                    + " failed");
        }
        return Response.ok(file.toFile(), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + taskId + "-frames.csv\"").build();
    }

    @GET
    @Path("/scenes/{sceneId}/keyframe")
    @Produces({JPEG, MediaType.APPLICATION_JSON})
    public Response keyframe(@PathParam("sceneId") String sceneIdText) {
        UUID sceneId = parseId(sceneIdText);
        if (sceneId == null) {
            return invalidId("scene id", sceneIdText);
        }
        Scene scene = scenes.findById(sceneId);
        if (scene == null) {
            return notFound("scene " + sceneId + " not found");
        }
        java.nio.file.Path file = blobs.localPath(scene.keyframeKey);
        if (!Files.isRegularFile(file)) {
            return notFound("keyframe " + scene.keyframeKey + " of scene " + sceneId + " is missing from storage");
        }
        return Response.ok(file.toFile(), JPEG).build();
    }

    /** Returns the UUID, or null when the text is not one. */
    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response invalidId(String name, String text) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorView("invalid " + name + " '" + text + "': expected a UUID such as"
                        + " 3f2b6c1e-9a4d-4e8b-8f00-2a1c5d7e9b10"))
                .build();
    }

    private static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorView(message))
                .build();
    }
}
