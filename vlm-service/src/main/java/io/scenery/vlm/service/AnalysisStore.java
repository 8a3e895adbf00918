package io.scenery.vlm.service;

import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.vlm.Analysis;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.AnalysisScene;
import io.scenery.vlm.AnalysisStatus;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.repository.AnalysisElementRepository;
import io.scenery.vlm.repository.AnalysisRepository;
import io.scenery.vlm.repository.AnalysisSceneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The state changes of analyses, each in one database transaction that has committed when the method returns. */
@ApplicationScoped
public class AnalysisStore {

    private final AnalysisRepository analyses;
    private final AnalysisSceneRepository scenes;
    private final AnalysisElementRepository elements;

    public AnalysisStore(AnalysisRepository analyses, AnalysisSceneRepository scenes,
                         AnalysisElementRepository elements) {
        this.analyses = analyses;
        this.scenes = scenes;
        this.elements = elements;
    }

    /**
     * Marks the task's analysis of the detect type RUNNING over the given number of keyframes, creating it when
     * missing and dropping the scenes and elements of an earlier, unfinished run. Returns its id, or empty when it
     * is COMPLETED already and must not run again.
     */
    @Transactional
    public Optional<UUID> start(UUID taskId, DetectType detectType, int keyframes) {
        Instant now = Instant.now();
        analyses.insertIfAbsent(taskId, detectType, now);
        Analysis analysis = analyses.lock(taskId, detectType).orElseThrow(() -> new IllegalStateException(
                "analysis of task " + taskId + " for " + detectType.wireName() + " vanished after its insert"));
        if (analysis.status == AnalysisStatus.COMPLETED) {
            return Optional.empty();
        }

        elements.deleteByAnalysis(analysis.id);
        scenes.deleteByAnalysis(analysis.id);
        analysis.status = AnalysisStatus.RUNNING;
        analysis.processed = 0;
        analysis.total = keyframes;
        analysis.error = null;
        analysis.inputTokens = 0;
        analysis.outputTokens = 0;
        analysis.modelCalls = 0;
        analysis.failedScenes = 0;
        analysis.startedAt = now;
        analysis.finishedAt = null;
        analysis.updatedAt = now;
        return Optional.of(analysis.id);
    }

    /**
     * Replaces the scene's result in the analysis: its scene row and all its elements. Returns the number of
     * scenes the analysis has processed so far.
     */
    @Transactional
    public int saveScene(UUID analysisId, SceneRef scene, SceneDetection detection) {
        Analysis analysis = analyses.lockById(analysisId);
        AnalysisScene sceneRow = replaceScene(analysis, scene);
        sceneRow.width = detection.width();
        sceneRow.height = detection.height();
        scenes.persist(sceneRow);

        for (DetectedElement detected : detection.elements()) {
            elements.persist(toRow(analysis, scene, detected));
        }

        analysis.inputTokens += detection.inputTokens();
        analysis.outputTokens += detection.outputTokens();
        analysis.modelCalls += detection.modelAttempts();
        return countProcessed(analysis);
    }

    /**
     * Records the scene as failed with its error and no elements, and the vision-model attempts it made. Returns
     * the number of scenes the analysis has processed so far, failed ones included.
     */
    @Transactional
    public int saveFailedScene(UUID analysisId, SceneRef scene, String error, int modelAttempts) {
        Analysis analysis = analyses.lockById(analysisId);
        AnalysisScene sceneRow = replaceScene(analysis, scene);
        sceneRow.error = error;
        scenes.persist(sceneRow);
        analysis.modelCalls += modelAttempts;
        analysis.failedScenes = (int) scenes.countFailedByAnalysis(analysisId);
        return countProcessed(analysis);
    }

    /** Marks the analysis COMPLETED; with failed scenes, the error names how many, flagging a partial result. */
    @Transactional
    public void completePartially(UUID analysisId, String summary) {
        finish(analysisId, AnalysisStatus.COMPLETED, summary);
    }

    private AnalysisScene replaceScene(Analysis analysis, SceneRef scene) {
        elements.deleteByScene(analysis.id, scene.sceneId());
        scenes.deleteByScene(analysis.id, scene.sceneId());
        AnalysisScene sceneRow = new AnalysisScene();
        sceneRow.id = UUID.randomUUID();
        sceneRow.analysisId = analysis.id;
        sceneRow.taskId = analysis.taskId;
        sceneRow.sceneId = scene.sceneId();
        sceneRow.sceneNumber = scene.sceneNumber();
        sceneRow.keyframeKey = scene.keyframeKey();
        sceneRow.analyzedAt = Instant.now();
        return sceneRow;
    }

    private int countProcessed(Analysis analysis) {
        scenes.flush();
        analysis.processed = (int) Math.min(analysis.total, scenes.countByAnalysis(analysis.id));
        analysis.updatedAt = Instant.now();
        return analysis.processed;
    }

    @Transactional
    public void complete(UUID analysisId) {
        finish(analysisId, AnalysisStatus.COMPLETED, null);
    }

    @Transactional
    public void fail(UUID analysisId, String reason) {
        finish(analysisId, AnalysisStatus.FAILED, reason);
    }

    @Transactional
    public void cancel(UUID analysisId, String reason) {
        finish(analysisId, AnalysisStatus.CANCELLED, reason);
    }

    private void finish(UUID analysisId, AnalysisStatus status, String error) {
        Analysis analysis = analyses.findById(analysisId);
        Instant now = Instant.now();
        analysis.status = status;
        analysis.error = error;
        analysis.finishedAt = now;
        analysis.updatedAt = now;
    }

    private static AnalysisElement toRow(Analysis analysis, SceneRef scene, DetectedElement detected) {
        AnalysisElement row = new AnalysisElement();
        row.id = UUID.randomUUID();
        row.analysisId = analysis.id;
        row.taskId = analysis.taskId;
        row.sceneId = scene.sceneId();
        row.sceneNumber = scene.sceneNumber();
        row.type = detected.type();
        row.label = detected.label();
        row.x = detected.box().x();
        row.y = detected.box().y();
        row.width = detected.box().width();
        row.height = detected.box().height();
        row.confidence = Math.max(0.0, Math.min(1.0, detected.confidence()));
        row.source = detected.source();
        row.interactive = detected.interactive();
        return row;
    }
}
