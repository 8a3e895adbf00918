package io.scenery.vlm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.events.DetectType;
import io.scenery.vlm.Analysis;
import io.scenery.vlm.AnalysisStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AnalysisRepository implements PanacheRepositoryBase<Analysis, UUID> {

    /** Inserts a PENDING analysis unless one exists for the task and detect type; safe to run concurrently. */
    public void insertIfAbsent(UUID taskId, DetectType detectType, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO {h-schema}analysis (id, task_id, detect_type, status, processed, total,
                                                        created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, 0, 0, ?5, ?5)
                        ON CONFLICT (task_id, detect_type) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, taskId)
                .setParameter(3, detectType.wireName())
                .setParameter(4, AnalysisStatus.PENDING.name())
                .setParameter(5, now)
                .executeUpdate();
    }

    /**
     * Claims the task's analysis of the detect type for a new run in one atomic statement. A missing row is
     * inserted PENDING under the run id. An existing row is reset to PENDING under the run id when it is FAILED or
     * CANCELLED, COMPLETED over another scene set, or PENDING or RUNNING without an update since staleBefore.
     * Returns the analysis id when this call claimed it, or empty when the row is left as it was.
     */
    public Optional<UUID> claim(UUID taskId, DetectType detectType, String sceneSet, int total, UUID runId,
                                Instant now, Instant staleBefore) {
        List<?> claimed = getEntityManager().createNativeQuery("""
                        INSERT INTO {h-schema}analysis AS a (id, task_id, detect_type, status, processed, total,
                                                             scene_set, run_id, created_at, updated_at)
                        VALUES (?1, ?2, ?3, 'PENDING', 0, ?4, ?5, ?6, ?7, ?7)
                        ON CONFLICT (task_id, detect_type) DO UPDATE
                            SET status = 'PENDING', processed = 0, total = EXCLUDED.total,
                                scene_set = EXCLUDED.scene_set, run_id = EXCLUDED.run_id, error = NULL,
                                input_tokens = 0, output_tokens = 0, model_calls = 0, failed_scenes = 0,
                                started_at = NULL, finished_at = NULL, updated_at = EXCLUDED.updated_at
                            WHERE a.status IN ('FAILED', 'CANCELLED')
                               OR (a.status = 'COMPLETED' AND a.scene_set IS DISTINCT FROM EXCLUDED.scene_set)
                               OR (a.status IN ('PENDING', 'RUNNING') AND a.updated_at < ?8)
                        RETURNING a.id""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, taskId)
                .setParameter(3, detectType.wireName())
                .setParameter(4, total)
                .setParameter(5, sceneSet)
                .setParameter(6, runId)
                .setParameter(7, now)
                .setParameter(8, staleBefore)
                .getResultList();
        return claimed.stream().findFirst().map(id -> (UUID) id);
    }

    /** Returns the analysis locked for update until the transaction ends. */
    public Optional<Analysis> lock(UUID taskId, DetectType detectType) {
        return find("taskId = ?1 and detectType = ?2", taskId, detectType)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Returns the analysis locked for update until the transaction ends, so parallel scene saves queue up. */
    public Analysis lockById(UUID analysisId) {
        return findById(analysisId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Analysis> find(UUID taskId, DetectType detectType) {
        return find("taskId = ?1 and detectType = ?2", taskId, detectType).firstResultOptional();
    }

    public List<Analysis> listByTask(UUID taskId) {
        return list("taskId = ?1 order by createdAt", taskId);
    }
}
