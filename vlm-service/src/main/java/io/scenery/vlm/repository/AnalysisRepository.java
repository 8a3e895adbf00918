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
