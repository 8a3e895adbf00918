package io.scenery.bench.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.scenery.events.AuditEvent;
import io.scenery.events.audit.AuditTrail;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@TestProfile(AuditTrailFailureTest.ShortDeliveryTimeout.class)
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = false)
class AuditTrailFailureTest {

    @Inject
    AuditTrail trail;

    @Test
    void undeliveredEventCounted() throws Exception {
        trail.record("bench.warm-up", "tester", UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ZERO,
                Map.of()).get(30, TimeUnit.SECONDS);
        long failuresBefore = trail.failedDeliveries();

        RestartableKafkaResource.kill();
        try {
            CompletableFuture<Void> acknowledged = trail.record("bench.lost-broker", "tester",
                    UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ofMillis(3), Map.of());

            assertThatThrownBy(() -> acknowledged.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(trail.failedDeliveries()).isEqualTo(failuresBefore + 1);
            assertThat(trail.pendingDeliveries()).isZero();
        } finally {
            RestartableKafkaResource.restart();
        }
    }

    /** Gives up on an event after 5 s instead of the application's 5 minutes. */
    public static class ShortDeliveryTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.audit-events.delivery.timeout.ms", "5000",
                    "mp.messaging.outgoing.audit-events.request.timeout.ms", "2000",
                    "mp.messaging.outgoing.audit-events.linger.ms", "5");
        }
    }
}
