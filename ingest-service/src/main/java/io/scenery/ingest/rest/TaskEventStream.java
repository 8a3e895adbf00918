package io.scenery.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.scenery.events.AnalysisProgress;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.messaging.ProgressSubscriptions;
import io.scenery.ingest.service.TaskQueries;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Server-Sent Events stream for one task. It listens to the task's progress messages before it reads the
 * snapshot, so no update committed after the snapshot is missed. An update that arrives while the snapshot is
 * read may be sent twice. Because Redis pub/sub may drop messages, the stream also rereads the task every poll
 * interval and ends once the task is terminal.
 *
 * <p>Progress messages arrive on an event loop thread, so database reads run on the worker pool. All emissions
 * go through synchronized methods, which keeps the events in order.
 */
final class TaskEventStream {

    static final String TASK_EVENT = "task";
    static final String PROGRESS_EVENT = "progress";

    private final UUID taskId;
    private final MultiEmitter<? super OutboundSseEvent> emitter;
    private final Sse sse;
    private final TaskQueries queries;
    private final ProgressSubscriptions subscriptions;
    private final ObjectMapper objectMapper;
    private final Vertx vertx;
    private final Duration pollInterval;

    private final List<String> pending = new ArrayList<>();
    private Runnable stopListening;
    private boolean snapshotSent;
    /** Set once the final event went out or the stream terminated; nothing is emitted after it. */
    private boolean ended;
    /** Set once the timer and the listener were released. */
    private boolean released;
    private long timerId = -1;

    TaskEventStream(UUID taskId, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, TaskQueries queries,
                    ProgressSubscriptions subscriptions, ObjectMapper objectMapper, Vertx vertx,
                    Duration pollInterval) {
        this.taskId = taskId;
        this.emitter = emitter;
        this.sse = sse;
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.objectMapper = objectMapper;
        this.vertx = vertx;
        this.pollInterval = pollInterval;
    }

    /** Starts listening and reads the snapshot on the worker pool; call once, when the HTTP layer subscribes. */
    void open() {
        stopListening = subscriptions.listen(taskId, this::onMessage);
        emitter.onTermination(this::onTermination);
        Log.debugf("Task %s: event stream opened", taskId);

        Infrastructure.getDefaultWorkerPool().execute(this::start);
    }

    /** Emits the snapshot and any update that arrived meanwhile. */
    private void start() {
        TaskView snapshot = queries.find(taskId).orElse(null);
        if (snapshot == null || snapshot.status().isTerminal()) {
            finish(snapshot);
            return;
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            snapshotSent = true;
            emit(TASK_EVENT, toJson(snapshot));
            pending.forEach(message -> emit(PROGRESS_EVENT, message));
            pending.clear();
            timerId = vertx.setPeriodic(pollInterval.toMillis(), id -> refreshOnWorker());
        }
    }

    private synchronized void onMessage(String message) {
        if (ended) {
            return;
        }
        if (!snapshotSent) {
            pending.add(message);
            return;
        }
        emit(PROGRESS_EVENT, message);
        if (reportsEndOfStage(message)) {
            refreshOnWorker();
        }
    }

    /** Tells whether the message may have made the task terminal, so that the stream reads the task again. */
    private boolean reportsEndOfStage(String message) {
        try {
            AnalysisProgress event = objectMapper.readValue(message, AnalysisProgress.class);
            return event.status() != null && event.status().isTerminal();
        } catch (JsonProcessingException e) {
            Log.warnf("Task %s: unreadable progress message on Redis: %s", taskId, e.getOriginalMessage());
            return false;
        }
    }

    private void refreshOnWorker() {
        Infrastructure.getDefaultWorkerPool().execute(this::refresh);
    }

    private void refresh() {
        if (hasEnded()) {
            return;
        }
        TaskView current;
        try {
            current = queries.find(taskId).orElse(null);
        } catch (RuntimeException e) {
            Log.errorf(e, "Task %s: could not reread the task for its event stream; retrying at the next poll",
                    taskId);
            return;
        }
        if (current == null || current.status().isTerminal()) {
            finish(current);
        }
    }

    private synchronized boolean hasEnded() {
        return ended;
    }

    /** Emits the final task event, if any, and completes the stream. */
    private void finish(TaskView finalTask) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (finalTask != null) {
                emit(TASK_EVENT, toJson(finalTask));
            }
        }
        emitter.complete();
    }

    /** Releases the timer and the listener once the stream completed or the client went away. */
    private void onTermination() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            ended = true;
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
            }
        }
        stopListening.run();
        Log.debugf("Task %s: event stream closed", taskId);
    }

    private void emit(String name, String json) {
        OutboundSseEvent event = sse.newEventBuilder()
                .name(name)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, json)
                .build();
        emitter.emit(event);
    }

    private String toJson(TaskView task) {
        try {
            return objectMapper.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task " + taskId + " could not be written as JSON", e);
        }
    }
}
