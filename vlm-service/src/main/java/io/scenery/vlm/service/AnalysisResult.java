package io.scenery.vlm.service;

import io.scenery.vlm.Analysis;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.AnalysisScene;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An analysis with its processed scenes in scene order and each scene's elements, keyed by scene id. */
public record AnalysisResult(Analysis analysis, List<AnalysisScene> scenes,
                             Map<UUID, List<AnalysisElement>> elementsByScene) {
}
