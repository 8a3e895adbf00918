package io.scenery.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of ingest-service. */
@ConfigMapping(prefix = "scenery.ingest")
public interface IngestConfig {

    /**
     * Maximum size of an uploaded video. The same value limits the whole HTTP request body
     * ({@code quarkus.http.limits.max-body-size}), so the multipart framing counts against it as well.
     */
    @WithDefault("2G")
    MemorySize maxUploadSize();

    /** Maximum time to wait for Kafka to acknowledge the {@code video-uploaded} event of an upload. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Maximum time a non-terminal task may go without a progress event before the watchdog fails it. */
    @WithDefault("10m")
    Duration stageTimeout();

    /**
     * Interval of the heartbeat watchdog. The scheduler reads the property {@code scenery.ingest.watchdog-interval}
     * directly, with the same default.
     */
    @WithDefault("30s")
    Duration watchdogInterval();

    /** Maximum number of stalled tasks the watchdog fails in one transaction. */
    @WithDefault("100")
    int watchdogBatchSize();

    /**
     * Interval at which an open Server-Sent Events stream rereads its task, so that it ends even when a Redis
     * message was lost.
     */
    @WithDefault("10s")
    Duration eventsPollInterval();
}
