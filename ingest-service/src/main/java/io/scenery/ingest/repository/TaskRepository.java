package io.scenery.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.ingest.Task;
import io.scenery.ingest.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** Loads a task and locks its row until the transaction ends, so concurrent updates apply one after another. */
    public Optional<Task> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks up to limit working tasks whose heartbeat is older than the cutoff, oldest first. Rows that another
     * transaction has locked are skipped, so that two replicas running the watchdog never fail the same task twice.
     */
    @SuppressWarnings("unchecked")
    public List<Task> lockStalled(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM {h-schema}tasks
                        WHERE status IN (:working) AND heartbeat_at < :cutoff
                        ORDER BY heartbeat_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Task.class)
                .setParameter("working", List.of(TaskStatus.PENDING.name(), TaskStatus.SLICING.name(),
                        TaskStatus.SLICED.name(), TaskStatus.ANALYZING.name()))
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
    }
}
