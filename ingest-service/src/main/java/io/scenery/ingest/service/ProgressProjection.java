package io.scenery.ingest.service;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.ProgressStatus;
import io.scenery.events.Stage;
import io.scenery.ingest.Task;
import io.scenery.ingest.TaskStatus;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Folds {@code analysis-progress} events into the task row. A task never leaves a terminal status and never moves
 * back along PENDING, SLICING, SLICED, ANALYZING, COMPLETED, so late or replayed events are ignored.
 */
@ApplicationScoped
public class ProgressProjection {

    private final TaskRepository tasks;
    private final TaskQueries queries;

    public ProgressProjection(TaskRepository tasks, TaskQueries queries) {
        this.tasks = tasks;
        this.queries = queries;
    }

    /**
     * Applies the event under a row lock and returns the updated task, or empty when the task is unknown or the
     * event was ignored.
     *
     * @throws IllegalArgumentException when the event lacks its task id, stage or status
     */
    @Transactional
    public Optional<TaskView> apply(AnalysisProgress event) {
        if (event.taskId() == null || event.stage() == null || event.status() == null) {
            throw new IllegalArgumentException("invalid analysis-progress event: taskId, stage and status are required,"
                    + " got " + event);
        }

        Optional<Task> found = tasks.findByIdForUpdate(event.taskId());
        if (found.isEmpty()) {
            Log.warnf("Task %s: ignored %s %s event for an unknown task", event.taskId(), wireName(event.stage()),
                    event.status());
            return Optional.empty();
        }
        Task task = found.get();

        TaskStatus target = targetStatus(task, event);
        if (!task.status.canMoveTo(target)) {
            Log.infof("Task %s: ignored %s %s event because the task is %s", task.id, wireName(event.stage()),
                    event.status(), task.status);
            return Optional.empty();
        }

        Instant now = Instant.now();
        task.status = target;
        task.stage = wireName(event.stage());
        task.percent = event.percent();
        task.processed = event.processed();
        task.total = event.total();
        task.heartbeatAt = now;
        task.updatedAt = now;
        if (event.sceneCount() != null) {
            task.sceneCount = event.sceneCount();
        }
        if (target == TaskStatus.FAILED) {
            task.error = failureReason(event);
        }
        if (target.isTerminal()) {
            task.finishedAt = now;
        }
        Log.infof("Task %s: %s %s, %.1f %% (%d/%d), now %s", task.id, task.stage, event.status(), task.percent,
                task.processed, task.total, task.status);
        return Optional.of(queries.view(task));
    }

    /**
     * Maps an event to the task status it implies. Analysis runs once per requested detect type, so the task
     * completes only when every requested type reported completion.
     */
    private static TaskStatus targetStatus(Task task, AnalysisProgress event) {
        if (event.status() == ProgressStatus.FAILED) {
            return TaskStatus.FAILED;
        }
        if (event.status() == ProgressStatus.CANCELLED) {
            return TaskStatus.CANCELLED;
        }
        if (event.stage() == Stage.SLICING) {
            return event.status() == ProgressStatus.COMPLETED ? TaskStatus.SLICED : TaskStatus.SLICING;
        }
        if (event.status() == ProgressStatus.COMPLETED && task.status.canMoveTo(TaskStatus.COMPLETED)
                && task.markAnalysed(event.detectType())) {
            return TaskStatus.COMPLETED;
        }
        return TaskStatus.ANALYZING;
    }

    private static String failureReason(AnalysisProgress event) {
        if (event.message() == null || event.message().isBlank()) {
            return "the " + wireName(event.stage()) + " stage failed without giving a reason";
        }
        return event.message();
    }

    static String wireName(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
