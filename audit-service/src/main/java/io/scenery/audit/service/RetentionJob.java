package io.scenery.audit.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.scenery.audit.config.AuditConfig;
import io.scenery.audit.repository.AuditEventRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes audit events whose occurred_at is older than {@code scenery.audit.retention}. Runs from every replica,
 * which is harmless because the delete is idempotent.
 */
@ApplicationScoped
public class RetentionJob {

    private final AuditEventRepository repository;
    private final AuditConfig config;
    private final Clock clock;

    public RetentionJob(AuditEventRepository repository, AuditConfig config) {
        this.repository = repository;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(identity = "audit-retention", every = "${scenery.audit.retention-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runScheduled() {
        try {
            deleteExpired();
        } catch (SQLException e) {
            Log.errorf(e, "Audit retention run failed (SQLState %s). The next scheduled run tries again",
                    e.getSQLState());
        }
    }

    /** Deletes every event older than the retention, in batches, and returns the number of deleted events. */
    public long deleteExpired() throws SQLException {
        Instant cutoff = clock.instant().minus(config.retention());
        int batchSize = config.retentionDeleteBatchSize();
        long deleted = 0;
        int deletedInBatch;
        do {
            deletedInBatch = repository.deleteOccurredBefore(cutoff, batchSize);
            deleted += deletedInBatch;
        } while (deletedInBatch >= batchSize);

        if (deleted > 0) {
            Log.infof("Audit retention deleted %d events that occurred before %s", deleted, cutoff);
        }
        return deleted;
    }
}
