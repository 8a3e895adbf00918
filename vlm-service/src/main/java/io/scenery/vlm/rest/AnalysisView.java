package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.DetectType;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.AnalysisScene;
import io.scenery.vlm.AnalysisStatus;
import io.scenery.vlm.service.AnalysisResult;

import java.util.List;
import java.util.UUID;

/**
 * One analysis of a task as the API returns it.
 *
 * @param processed keyframes analysed so far
 * @param total     keyframes to analyse
 * @param error     why the analysis failed or was cancelled, null otherwise
 * @param scenes    the scenes analysed so far, by scene number
 */
@RegisterForReflection
public record AnalysisView(UUID taskId, DetectType detectType, AnalysisStatus status, int processed, int total,
                           String error, List<SceneView> scenes) {

    static AnalysisView of(AnalysisResult result) {
        List<SceneView> scenes = result.scenes().stream().map(scene -> sceneView(scene, result)).toList();
        return new AnalysisView(result.analysis().taskId, result.analysis().detectType, result.analysis().status,
                result.analysis().processed, result.analysis().total, result.analysis().error, scenes);
    }

    private static SceneView sceneView(AnalysisScene scene, AnalysisResult result) {
        List<AnalysisElement> rows = result.elementsByScene().getOrDefault(scene.sceneId, List.of());
        return new SceneView(scene.sceneId, scene.sceneNumber, scene.keyframeKey, scene.width, scene.height,
                rows.stream().map(ElementView::of).toList());
    }
}
