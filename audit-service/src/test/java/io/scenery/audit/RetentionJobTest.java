package io.scenery.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.audit.service.RetentionJob;
import io.scenery.events.AuditEvent;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class RetentionJobTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DataSource dataSource;

    @Inject
    RetentionJob retentionJob;

    @Test
    void deletesOnlyExpiredEvents() throws Exception {
        String taskId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        AuditEvent expired = AuditTopic.event(taskId, "old", now.minus(Duration.ofDays(400)));
        AuditEvent almostExpired = AuditTopic.event(taskId, "kept", now.minus(Duration.ofDays(364)));
        AuditEvent recent = AuditTopic.event(taskId, "recent", now);
        AuditRows rows = new AuditRows(dataSource);
        try (AuditTopic topic = new AuditTopic(objectMapper)) {
            List.of(expired, almostExpired, recent).forEach(topic::send);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.countByTarget(taskId) == 3);

        long deleted = retentionJob.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(rows.countByEventId(expired.eventId())).isZero();
        assertThat(rows.countByEventId(almostExpired.eventId())).isEqualTo(1);
        assertThat(rows.countByEventId(recent.eventId())).isEqualTo(1);
    }
}
