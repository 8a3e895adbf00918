package io.scenery.vlm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.vlm.AnalysisScene;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AnalysisSceneRepository implements PanacheRepositoryBase<AnalysisScene, UUID> {

    public List<AnalysisScene> listByAnalysis(UUID analysisId) {
        return list("analysisId = ?1 order by sceneNumber", analysisId);
    }

    public long countByAnalysis(UUID analysisId) {
        return count("analysisId", analysisId);
    }

    public long countFailedByAnalysis(UUID analysisId) {
        return count("analysisId = ?1 and error is not null", analysisId);
    }

    public long deleteByAnalysis(UUID analysisId) {
        return delete("analysisId", analysisId);
    }

    public long deleteByScene(UUID analysisId, UUID sceneId) {
        return delete("analysisId = ?1 and sceneId = ?2", analysisId, sceneId);
    }
}
