package io.scenery.slicer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.scenery.events.VideoUploaded;
import io.scenery.slicer.service.FfmpegTool;
import io.scenery.slicer.service.SlicingRunStore;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10-minute 1080p recording is sliced while the service stays healthy and its consumer stays in its group. The
 * consumer's max poll interval is cut to 3 s here, so a slicing that blocked Kafka's poll loop for longer would
 * drop the consumer from the group during the run. The health check keeps the production limit for records in
 * progress.
 */
@QuarkusTest
@TestProfile(LongRecordingHealthTest.ShortPollInterval.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class LongRecordingHealthTest {

    private static final String GROUP = "slicer-service";
    private static final int MINUTES = 10;
    private static final long MAX_POLL_INTERVAL_MS = 3000;

    /** Cuts the consumer's max poll interval to 3 s. */
    public static class ShortPollInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.video-uploaded.max.poll.interval.ms",
                    Long.toString(MAX_POLL_INTERVAL_MS));
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Inject
    SlicingRunStore store;

    @Test
    void longRecordingKeepsConsumerHealthy() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        Path recording = FfmpegTool.writeLongScreenRecording(directory.resolve("ten-minutes-1080p.mp4"), MINUTES);
        VideoUploaded upload = Uploads.store(blobs, recording);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

        List<String> health = new ArrayList<>();
        List<Integer> groupMembers = new ArrayList<>();
        long started = System.nanoTime();
        try (KafkaTestClient kafka = new KafkaTestClient(mapper);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            kafka.send("video-uploaded", upload.taskId(), upload);

            while (true) {
                SlicingRun run = store.find(upload.taskId());
                if (run != null && run.status != RunStatus.RUNNING) {
                    break;
                }
                assertThat(System.nanoTime() - started).as("nanoseconds waited for the run to finish")
                        .isLessThan(TimeUnit.MINUTES.toNanos(6));
                if (run != null) {
                    Response response = given().when().get("/q/health");
                    health.add(response.statusCode() + " " + response.jsonPath().getString("status"));
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                            .get(10, TimeUnit.SECONDS).get(GROUP);
                    groupMembers.add(group.members().size());
                }
                Thread.sleep(500);
            }
        }

        SlicingRun run = store.find(upload.taskId());
        Log.infof("Task %s: %d-minute 1080p recording sliced in %.1f s (%d frames, %.0f frames/s), %d health"
                        + " samples", upload.taskId(), MINUTES, run.elapsedSeconds, run.framesDecoded,
                run.framesPerSecond, health.size());
        assertThat(run.status).as("run status, error: %s", run.error).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.framesDecoded).isEqualTo(MINUTES * 60 * 10L);
        // Kafka's consumer leaves its group once max.poll.interval.ms passes without a poll, so the samples taken in
        // the second after the interval would miss the member.
        assertThat(run.elapsedSeconds).as("slicing seconds, longer than the max poll interval")
                .isGreaterThan(MAX_POLL_INTERVAL_MS / 1000.0 + 1);
        assertThat(health).as("health samples during the run").hasSizeGreaterThanOrEqualTo(5);
        assertThat(health).allSatisfy(sample -> assertThat(sample).isEqualTo("200 UP"));
        assertThat(groupMembers).allSatisfy(members -> assertThat(members).as("members of " + GROUP).isEqualTo(1));
    }
}
