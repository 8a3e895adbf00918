package io.scenery.slicer.rest;

import io.scenery.events.SlicingStats;
import io.scenery.slicer.RunStatus;

import java.util.List;
import java.util.UUID;

/**
 * The slicing state of a task and its scenes.
 *
 * @param stats  decoding statistics, null until the run completed
 * @param error  failure reason for the user, null unless the run failed
 * @param scenes empty until the run completed
 */
public record TaskScenesView(
        UUID taskId,
        RunStatus status,
        int sceneCount,
        SlicingStats stats,
        String error,
        List<SceneView> scenes) {
}
