package io.scenery.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.ProgressChannels;
import io.scenery.events.ProgressStatus;
import io.scenery.events.Stage;
import io.scenery.ingest.TaskView;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;

/**
 * Publishes each accepted progress change of a task as {@link AnalysisProgress} JSON on the task's Redis channel,
 * so every replica can stream any task's progress, whichever replica consumed it. Redis pub/sub delivers at most
 * once, so subscribers must not rely on seeing every message.
 */
@Startup
@ApplicationScoped
public class ProgressNotifier {

    private final PubSubCommands<String> pubSub;
    private final ObjectMapper objectMapper;

    public ProgressNotifier(RedisDataSource redis, ObjectMapper objectMapper) {
        this.pubSub = redis.pubsub(String.class);
        this.objectMapper = objectMapper;
    }

    /** Publishes the event; a failure is logged and dropped, because the task row already contains the change. */
    public void publish(AnalysisProgress event) {
        try {
            pubSub.publish(ProgressChannels.channel(event.taskId()), objectMapper.writeValueAsString(event));
        } catch (JsonProcessingException | RuntimeException e) {
            Log.errorf(e, "Task %s: could not publish %s %s progress on Redis", event.taskId(), event.stage(),
                    event.status());
        }
    }

    /**
     * Publishes a status change that ingest-service made itself, such as a cancellation, in the same form as the
     * events of the stages. The stage is the one that reported last, or absent while the task was PENDING.
     */
    public void publishStatus(TaskView task, ProgressStatus status, String message) {
        Stage stage = task.stage() == null ? null : Stage.valueOf(task.stage().toUpperCase(Locale.ROOT));
        publish(new AnalysisProgress(AnalysisProgress.SCHEMA_VERSION, task.taskId(), stage, status, null,
                task.processed(), task.total(), task.percent(), message, null, Instant.now()));
    }
}
