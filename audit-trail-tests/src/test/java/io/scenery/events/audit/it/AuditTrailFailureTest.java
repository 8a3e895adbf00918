package io.scenery.events.audit.it;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(AuditTrailFailureTest.ShortDeliveryTimeout.class)
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = false)
class AuditTrailFailureTest {

    private static final String CHECK = "checks.find { it.name == 'audit-trail' }";

    @Inject
    AuditTrail trail;

    @Test
    void undeliveredEventCountedAndReported() throws Exception {
        trail.record("trail.warm-up", "tester", UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ZERO,
                Map.of()).get(30, TimeUnit.SECONDS);
        long failuresBefore = trail.failedDeliveries();
        given().when().get("/q/health/ready")
                .then().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.failed", equalTo((int) failuresBefore));

        RestartableKafkaResource.kill();
        try {
            CompletableFuture<Void> acknowledged = trail.record("trail.lost-broker", "tester",
                    UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ofMillis(3), Map.of());

            assertThatThrownBy(() -> acknowledged.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(trail.failedDeliveries()).isEqualTo(failuresBefore + 1);
            assertThat(trail.pendingDeliveries()).isZero();
            given().when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body(CHECK + ".status", equalTo("DOWN"))
                    .body(CHECK + ".data.failed", equalTo((int) failuresBefore + 1))
                    .body(CHECK + ".data.pending", equalTo(0))
                    .body(CHECK + ".data.problem", containsString("failed"));
        } finally {
            RestartableKafkaResource.restart();
        }

        trail.record("trail.broker-back", "tester", UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ZERO,
                Map.of()).get(60, TimeUnit.SECONDS);
        given().when().get("/q/health/ready")
                .then().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.failed", equalTo((int) failuresBefore + 1));
    }

    /** Gives up on an event after 5 s instead of the application's 5 minutes, and reports a failure for 60 s. */
    public static class ShortDeliveryTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "scenery.audit-trail.delivery-timeout", "5s",
                    "scenery.audit-trail.linger", "5ms",
                    "scenery.audit-trail.stall-timeout", "60s");
        }
    }
}
