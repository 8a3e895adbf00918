package io.scenery.ingest.messaging;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.scenery.events.CancelFlags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Raises the Redis cancel flag of a task, which slicer-service and vlm-service check while they work. */
@Startup
@ApplicationScoped
public class CancelFlagWriter {

    private final ValueCommands<String, String> values;

    public CancelFlagWriter(RedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** Sets the flag with a time to live of {@link CancelFlags#TTL_SECONDS}; setting it twice is harmless. */
    public void raise(UUID taskId) {
        values.set(CancelFlags.key(taskId), "1", new SetArgs().ex(CancelFlags.TTL_SECONDS));
    }
}
