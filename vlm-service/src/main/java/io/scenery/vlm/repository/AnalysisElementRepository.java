package io.scenery.vlm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.vlm.AnalysisElement;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AnalysisElementRepository implements PanacheRepositoryBase<AnalysisElement, UUID> {

    /** Returns the analysis's elements by scene number, then top to bottom and left to right. */
    public List<AnalysisElement> listByAnalysis(UUID analysisId) {
        return list("analysisId = ?1 order by sceneNumber, y, x, id", analysisId);
    }

    public long countByAnalysis(UUID analysisId) {
        return count("analysisId", analysisId);
    }

    public long deleteByAnalysis(UUID analysisId) {
        return delete("analysisId", analysisId);
    }

    public long deleteByScene(UUID analysisId, UUID sceneId) {
        return delete("analysisId = ?1 and sceneId = ?2", analysisId, sceneId);
    }
}
