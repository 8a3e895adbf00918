package io.scenery.bench.audit.jmh;

import io.scenery.events.audit.AuditTrailConfig;

import java.time.Duration;
import java.util.Map;

/** The defaults of {@link AuditTrailConfig}, as a service gets them without any {@code scenery.audit-trail} setting. */
record BenchTrailConfig(Duration deliveryTimeout, Duration linger, int batchSizeBytes, String compression,
                        Duration stallTimeout, Map<String, String> producer) implements AuditTrailConfig {

    static BenchTrailConfig defaults() {
        return new BenchTrailConfig(Duration.ofSeconds(120), Duration.ofMillis(10), 262_144, "none",
                Duration.ofSeconds(60), Map.of());
    }
}
