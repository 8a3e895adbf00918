package io.scenery.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenery.ingest.config.IngestConfig;
import io.scenery.ingest.messaging.ProgressSubscriptions;
import io.scenery.ingest.service.TaskQueries;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.UUID;

/** Opens {@link TaskEventStream}s. No registry of streams is kept: each one lives as long as its connection. */
@ApplicationScoped
public class TaskEventStreams {

    private final TaskQueries queries;
    private final ProgressSubscriptions subscriptions;
    private final ObjectMapper objectMapper;
    private final Vertx vertx;
    private final IngestConfig config;

    public TaskEventStreams(TaskQueries queries, ProgressSubscriptions subscriptions, ObjectMapper objectMapper,
                            Vertx vertx, IngestConfig config) {
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.objectMapper = objectMapper;
        this.vertx = vertx;
        this.config = config;
    }

    /** Returns the task's event stream; it starts on the worker pool when the HTTP layer subscribes. */
    public Multi<OutboundSseEvent> open(UUID taskId, Sse sse) {
        return Multi.createFrom().emitter(emitter -> new TaskEventStream(taskId, emitter, sse, queries, subscriptions,
                objectMapper, vertx, config.eventsPollInterval()).open());
    }
}
