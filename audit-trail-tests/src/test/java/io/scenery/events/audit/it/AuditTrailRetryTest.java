package io.scenery.events.audit.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.AuditEvent;
import io.scenery.events.audit.AuditTrail;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = false)
class AuditTrailRetryTest {

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    @Test
    void sendWhileBrokerDownDelivered() throws Exception {
        String target = UUID.randomUUID().toString();
        trail.record("trail.warm-up", "tester", UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ZERO,
                Map.of()).get(30, TimeUnit.SECONDS);
        long failuresBefore = trail.failedDeliveries();

        RestartableKafkaResource.kill();
        CompletableFuture<Void> acknowledged;
        try {
            acknowledged = trail.record("trail.during-outage", "tester", target, AuditEvent.SUCCESS,
                    Duration.ofMillis(3), Map.of("phase", "outage"));
            Thread.sleep(5_000);
            assertThat(acknowledged).as("acknowledged while the broker is down").isNotDone();
        } finally {
            RestartableKafkaResource.restart();
        }

        acknowledged.get(120, TimeUnit.SECONDS);
        List<AuditEvent> events = AuditTopicReader.eventsOf(target, 1, Duration.ofSeconds(30), json);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).action()).isEqualTo("trail.during-outage");
        assertThat(events.get(0).attributes()).containsEntry("phase", "outage");
        assertThat(trail.failedDeliveries()).isEqualTo(failuresBefore);
        assertThat(trail.pendingDeliveries()).isZero();
    }
}
