package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.DetectType;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.AnalysisScene;
import io.scenery.vlm.AnalysisStatus;
import io.scenery.vlm.service.AnalysisResult;
import io.scenery.vlm.service.SceneSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * One analysis of a task as the API returns it.
 *
 * @param processed keyframes analysed so far
 * @param total     keyframes to analyse
 * @param error        why the analysis failed or was cancelled, or which scenes failed in a partial result
 * @param partial      whether the analysis completed with some scenes failed (see each scene's error)
 * @param failedScenes scenes recorded with an error instead of elements
 * @param usage        vision-model usage; all zero for the offline detector
 * @param sceneIds     the scenes the analysis covers
 * @param scenes       the scenes analysed so far, by scene number
 */
@RegisterForReflection
@Schema(name = "Analysis", description = "One analysis of a task for one detect type, with the elements per scene")
public record AnalysisView(
        UUID taskId,
        @Schema(implementation = String.class, enumeration = {"control", "text", "all"}, example = "control")
        DetectType detectType,
        @Schema(implementation = String.class,
                enumeration = {"PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"}, example = "COMPLETED")
        AnalysisStatus status,
        @Schema(description = "Keyframes analysed so far", example = "2") int processed,
        @Schema(description = "Keyframes to analyse", example = "2") int total,
        @Schema(description = "Why the analysis failed or was cancelled, or which scenes failed in a partial result")
        String error,
        @Schema(description = "Whether the analysis completed with some scenes failed") boolean partial,
        @Schema(description = "Scenes recorded with an error instead of elements", example = "0") int failedScenes,
        ModelUsageView usage,
        @Schema(description = "The scenes the analysis covers") List<UUID> sceneIds,
        @Schema(description = "The scenes analysed so far, by scene number") List<SceneView> scenes) {

    static AnalysisView of(AnalysisResult result) {
        List<SceneView> scenes = result.scenes().stream().map(scene -> sceneView(scene, result)).toList();
        var analysis = result.analysis();
        boolean partial = analysis.status == AnalysisStatus.COMPLETED && analysis.failedScenes > 0;
        return new AnalysisView(analysis.taskId, analysis.detectType, analysis.status, analysis.processed,
                analysis.total, analysis.error, partial, analysis.failedScenes,
                new ModelUsageView(analysis.inputTokens, analysis.outputTokens, analysis.modelCalls),
                SceneSet.parse(analysis.sceneSet), scenes);
    }

    private static SceneView sceneView(AnalysisScene scene, AnalysisResult result) {
        List<AnalysisElement> rows = result.elementsByScene().getOrDefault(scene.sceneId, List.of());
        return new SceneView(scene.sceneId, scene.sceneNumber, scene.keyframeKey, scene.width, scene.height,
                scene.error, rows.stream().map(ElementView::of).toList());
    }
}
