package io.scenery.vlm.service;

import io.scenery.events.DetectType;
import io.scenery.vlm.Analysis;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.repository.AnalysisElementRepository;
import io.scenery.vlm.repository.AnalysisRepository;
import io.scenery.vlm.repository.AnalysisSceneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads stored analyses for the REST API. */
@ApplicationScoped
public class AnalysisQuery {

    private final AnalysisRepository analyses;
    private final AnalysisSceneRepository scenes;
    private final AnalysisElementRepository elements;

    public AnalysisQuery(AnalysisRepository analyses, AnalysisSceneRepository scenes,
                         AnalysisElementRepository elements) {
        this.analyses = analyses;
        this.scenes = scenes;
        this.elements = elements;
    }

    /** Returns the analysis with its scenes and elements, read in one transaction, or empty when there is none. */
    @Transactional
    public Optional<AnalysisResult> find(UUID taskId, DetectType detectType) {
        Optional<Analysis> analysis = analyses.find(taskId, detectType);
        if (analysis.isEmpty()) {
            return Optional.empty();
        }

        UUID analysisId = analysis.get().id;
        Map<UUID, List<AnalysisElement>> byScene = new LinkedHashMap<>();
        for (AnalysisElement element : elements.listByAnalysis(analysisId)) {
            byScene.computeIfAbsent(element.sceneId, id -> new ArrayList<>()).add(element);
        }
        return Optional.of(new AnalysisResult(analysis.get(), scenes.listByAnalysis(analysisId), byScene));
    }

    /** Returns the detect types the task has analyses for, empty when the task is unknown here. */
    @Transactional
    public List<DetectType> detectTypesOf(UUID taskId) {
        return analyses.listByTask(taskId).stream().map(a -> a.detectType).toList();
    }
}
