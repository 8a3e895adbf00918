package io.scenery.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.scenery.events.AuditEvent;
import io.scenery.events.ProgressStatus;
import io.scenery.events.audit.AuditTrail;
import io.scenery.ingest.Task;
import io.scenery.ingest.TaskStatus;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.config.IngestConfig;
import io.scenery.ingest.messaging.CancelFlagWriter;
import io.scenery.ingest.messaging.ProgressNotifier;
import io.scenery.ingest.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fails working tasks whose heartbeat is older than {@code scenery.ingest.stage-timeout}, so that no task waits
 * forever on a stage whose service is down. Replicas may all run it: the stalled rows are locked with
 * {@code SKIP LOCKED} and re-checked, so each task is failed once.
 */
@ApplicationScoped
public class HeartbeatWatchdog {

    private final TaskRepository tasks;
    private final TaskQueries queries;
    private final CancelFlagWriter cancelFlags;
    private final ProgressNotifier notifier;
    private final AuditTrail auditTrail;
    private final IngestConfig config;

    public HeartbeatWatchdog(TaskRepository tasks, TaskQueries queries, CancelFlagWriter cancelFlags,
                             ProgressNotifier notifier, AuditTrail auditTrail, IngestConfig config) {
        this.tasks = tasks;
        this.queries = queries;
        this.cancelFlags = cancelFlags;
        this.notifier = notifier;
        this.auditTrail = auditTrail;
        this.config = config;
    }

    @Scheduled(identity = "heartbeat-watchdog", every = "${scenery.ingest.watchdog-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        failStalledTasks();
    }

    /** Fails the stalled tasks, one batch per transaction, and returns them as they were committed. */
    public List<TaskView> failStalledTasks() {
        List<TaskView> failed = new ArrayList<>();
        List<TaskView> batch;
        do {
            Instant now = Instant.now();
            batch = QuarkusTransaction.requiringNew().call(() -> failBatch(now));
            batch.forEach(this::announce);
            failed.addAll(batch);
        } while (batch.size() == config.watchdogBatchSize());
        return failed;
    }

    private List<TaskView> failBatch(Instant now) {
        Instant cutoff = now.minus(config.stageTimeout());
        List<TaskView> failed = new ArrayList<>();
        for (Task task : tasks.lockStalled(cutoff, config.watchdogBatchSize())) {
            task.error = timeoutReason(task, now);
            Log.warnf("Task %s: failing it, %s", task.id, task.error);

            task.status = TaskStatus.FAILED;
            task.updatedAt = now;
            task.finishedAt = now;
            failed.add(queries.view(task));
        }
        return failed;
    }

    static String timeoutReason(Task task, Instant now) {
        long seconds = Duration.between(task.heartbeatAt, now).toSeconds();
        return "no progress for " + seconds + " s while " + task.status + "; the "
                + task.status.responsibleService() + " service may be down";
    }

    /**
     * Raises the cancel flag and notifies event streams and the audit log. The committed FAILED row stays even
     * when one of these fails.
     */
    private void announce(TaskView task) {
        try {
            cancelFlags.raise(task.taskId());
        } catch (RuntimeException e) {
            Log.errorf(e, "Task %s: could not raise the cancel flag after the timeout", task.taskId());
        }
        notifier.publishStatus(task, ProgressStatus.FAILED, task.error());
        // One event per task of a batch, from a private method: @Audited would record one event per scheduled run.
        auditTrail.record(AuditActions.TASK_TIMED_OUT, task.taskId(), AuditEvent.SUCCESS, Duration.ZERO,
                Map.of("reason", task.error()));
    }
}
