package io.scenery.events.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Tunables of the audit trail's Kafka producer and health check, under {@code scenery.audit-trail}. */
@ConfigMapping(prefix = "scenery.audit-trail")
public interface AuditTrailConfig {

    /**
     * Time from the {@code record} call after which an event that Kafka has not acknowledged is logged and counted as
     * failed. While Kafka is unreachable the producer retries the event until then.
     */
    @WithDefault("120s")
    Duration deliveryTimeout();

    /** Time the producer waits for more events to fill a batch before it sends the batch (Kafka's linger.ms). */
    @WithDefault("10ms")
    Duration linger();

    /** Maximum size in bytes of one producer batch per partition (Kafka's batch.size). */
    @WithDefault("262144")
    int batchSizeBytes();

    /** Compression of producer batches (Kafka's compression.type): none, gzip, snappy, lz4 or zstd. */
    @WithDefault("none")
    String compression();

    /**
     * Time without any acknowledged event, while events wait for Kafka, after which the readiness check reports DOWN.
     * A failed delivery also keeps the check DOWN for this long unless a later event is acknowledged.
     */
    @WithDefault("60s")
    Duration stallTimeout();

    /** Further Kafka producer properties, for example {@code scenery.audit-trail.producer."buffer.memory"=67108864}. */
    Map<String, String> producer();
}
