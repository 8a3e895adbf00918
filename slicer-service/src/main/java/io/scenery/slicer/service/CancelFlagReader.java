package io.scenery.slicer.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.scenery.events.CancelFlags;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads the cancel flags that ingest-service sets in Redis. Blocking; call from worker threads only. */
@ApplicationScoped
public class CancelFlagReader {

    private final KeyCommands<String> keys;

    public CancelFlagReader(RedisDataSource redis) {
        this.keys = redis.key();
    }

    public boolean isCancelled(UUID taskId) {
        return keys.exists(CancelFlags.key(taskId));
    }
}
