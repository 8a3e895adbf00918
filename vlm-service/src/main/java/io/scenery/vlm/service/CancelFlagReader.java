package io.scenery.vlm.service;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.scenery.events.CancelFlags;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads the cancel flags that ingest-service sets in Redis. */
@ApplicationScoped
public class CancelFlagReader {

    private final KeyCommands<String> keys;

    public CancelFlagReader(RedisDataSource redis) {
        this.keys = redis.key();
    }

    /**
     * Returns whether the task's cancel flag is set. When Redis cannot be reached it returns false and logs a
     * warning, so an outage of the shared cache delays a cancel instead of failing analyses.
     */
    public boolean isCancelled(UUID taskId) {
        try {
            return keys.exists(CancelFlags.key(taskId));
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not read the cancel flag of task %s from Redis; analysis continues", taskId);
            return false;
        }
    }
}
