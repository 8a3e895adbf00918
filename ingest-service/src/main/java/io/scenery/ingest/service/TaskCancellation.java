package io.scenery.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.scenery.events.ProgressStatus;
import io.scenery.events.audit.AuditScope;
import io.scenery.events.audit.AuditTarget;
import io.scenery.events.audit.Audited;
import io.scenery.ingest.Task;
import io.scenery.ingest.TaskStatus;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.messaging.CancelFlagWriter;
import io.scenery.ingest.messaging.ProgressNotifier;
import io.scenery.ingest.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Cancels tasks on request. */
@ApplicationScoped
public class TaskCancellation {

    static final String CANCEL_MESSAGE = "cancelled on request";

    private final TaskRepository tasks;
    private final TaskQueries queries;
    private final CancelFlagWriter cancelFlags;
    private final ProgressNotifier notifier;

    public TaskCancellation(TaskRepository tasks, TaskQueries queries, CancelFlagWriter cancelFlags,
                            ProgressNotifier notifier) {
        this.tasks = tasks;
        this.queries = queries;
        this.cancelFlags = cancelFlags;
        this.notifier = notifier;
    }

    /**
     * Cancels a working task. The Redis cancel flag is raised before the row changes: should the commit fail,
     * the stages still stop and report {@code cancelled}, which then cancels the task.
     *
     * @throws TaskNotFoundException when no task has the id
     * @throws TaskConflictException when the task is already COMPLETED, FAILED or CANCELLED
     */
    @Audited(AuditActions.TASK_CANCELLED)
    public TaskView cancel(@AuditTarget UUID taskId) {
        TaskView current = queries.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
        AuditScope.attribute("previousStatus", current.status().name());
        requireWorking(taskId, current.status());

        cancelFlags.raise(taskId);

        TaskView cancelled = QuarkusTransaction.requiringNew().call(() -> markCancelled(taskId));
        Log.infof("Task %s: cancelled while %s", taskId, current.status());

        notifier.publishStatus(cancelled, ProgressStatus.CANCELLED, CANCEL_MESSAGE);
        return cancelled;
    }

    private TaskView markCancelled(UUID taskId) {
        Task task = tasks.findByIdForUpdate(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
        requireWorking(taskId, task.status);

        Instant now = Instant.now();
        task.status = TaskStatus.CANCELLED;
        task.updatedAt = now;
        task.finishedAt = now;
        return queries.view(task);
    }

    private static void requireWorking(UUID taskId, TaskStatus status) {
        if (status.isTerminal()) {
            throw new TaskConflictException(taskId, status, "task " + taskId + " is already " + status
                    + " and cannot be cancelled; only PENDING, SLICING, SLICED and ANALYZING tasks can");
        }
    }
}
