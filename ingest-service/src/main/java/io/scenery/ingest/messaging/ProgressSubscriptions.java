package io.scenery.ingest.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.scenery.events.ProgressChannels;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Receives the progress messages of all tasks through one Redis pattern subscription per replica and hands each
 * to the listeners of its task on this replica, which are its open event streams. The listeners are connection
 * state: they come and go with HTTP connections, and task state stays in the database.
 *
 * <p>A lost connection is re-established after {@link #RECONNECT_DELAY_MS}; messages published in between are
 * lost, which is why event streams also poll the database.
 */
@ApplicationScoped
public class ProgressSubscriptions {

    static final long RECONNECT_DELAY_MS = 1000;

    private static final UUID ANY_TASK = new UUID(0, 0);
    private static final String PATTERN = ProgressChannels.channel(ANY_TASK).replace(ANY_TASK.toString(), "*");

    private final Redis redis;
    private final Vertx vertx;
    private final Map<String, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private volatile RedisConnection connection;
    private volatile boolean stopped;

    public ProgressSubscriptions(Redis redis, Vertx vertx) {
        this.redis = redis;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        RedisConnection current = connection;
        if (current != null) {
            current.closeAndForget();
        }
    }

    /**
     * Registers a listener for the task's progress messages, which it receives as JSON text on an event loop
     * thread, so it must not block. Returns the action that removes the listener again.
     */
    public Runnable listen(UUID taskId, Consumer<String> listener) {
        String channel = ProgressChannels.channel(taskId);
        listeners.computeIfAbsent(channel, ignored -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(channel, (ignored, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        });
    }

    private void connect() {
        if (stopped) {
            return;
        }
        redis.connect().subscribe().with(this::subscribe, failure -> {
            Log.errorf("Could not connect to Redis for progress messages, retrying in %d ms: %s", RECONNECT_DELAY_MS,
                    failure.getMessage());
            reconnectLater();
        });
    }

    /** Installs the handlers before sending PSUBSCRIBE, so that no reply can arrive before them. */
    private void subscribe(RedisConnection newConnection) {
        connection = newConnection;
        newConnection.handler(this::dispatch);
        newConnection.exceptionHandler(error -> Log.errorf("Redis progress subscription failed: %s",
                error.getMessage()));
        newConnection.endHandler(() -> {
            if (!stopped) {
                Log.warnf("Redis progress subscription closed, reconnecting in %d ms", RECONNECT_DELAY_MS);
                reconnectLater();
            }
        });
        newConnection.send(Request.cmd(Command.PSUBSCRIBE).arg(PATTERN)).subscribe().with(
                ignored -> Log.infof("Subscribed to Redis channels %s", PATTERN),
                failure -> {
                    Log.errorf("Could not subscribe to Redis channels %s: %s", PATTERN, failure.getMessage());
                    newConnection.closeAndForget();
                });
    }

    private void reconnectLater() {
        if (!stopped) {
            vertx.setTimer(RECONNECT_DELAY_MS, id -> connect());
        }
    }

    /** Handles {@code [pmessage, pattern, channel, message]}; subscription confirmations are ignored. */
    private void dispatch(Response response) {
        if (response == null || response.size() < 4 || !"pmessage".equalsIgnoreCase(response.get(0).toString())) {
            return;
        }
        String channel = response.get(2).toString();
        Set<Consumer<String>> channelListeners = listeners.get(channel);
        if (channelListeners == null) {
            return;
        }
        String message = response.get(3).toString(StandardCharsets.UTF_8);
        for (Consumer<String> listener : channelListeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                Log.errorf(e, "Progress listener for channel %s failed", channel);
            }
        }
    }
}
