package io.scenery.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.scenery.events.Topics;
import io.scenery.ingest.KafkaTestClients;
import io.scenery.ingest.TestVideos;
import io.scenery.ingest.Uploads;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class UploadResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    BlobStore blobStore;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void uploadAccepted() throws Exception {
        byte[] content = TestVideos.mp4(10_000);

        Response response = given()
                .multiPart("file", "../My Clip.mp4", content, "application/octet-stream")
                .multiPart("detectTypes", "control, text")
                .multiPart("threshold", "30")
                .multiPart("minSceneSeconds", "1.5")
                .multiPart("minChangedArea", "0.05")
                .multiPart("minSceneArea", " 0.4 ")
                .multiPart("settleFrames", "5")
                .when().post("/api/v1/videos");

        response.then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
        UUID taskId = UUID.fromString(response.jsonPath().getString("taskId"));
        UUID videoId = UUID.fromString(response.jsonPath().getString("videoId"));
        assertThat(response.jsonPath().getString("statusUrl")).isEqualTo("/api/v1/tasks/" + taskId);
        assertThat(response.jsonPath().getString("eventsUrl")).isEqualTo("/api/v1/tasks/" + taskId + "/events");
        assertThat(response.header("Location")).endsWith("/api/v1/tasks/" + taskId);

        String storageKey = "videos/" + videoId;
        assertThat(blobStore.exists(storageKey)).isTrue();
        assertThat(Files.readAllBytes(blobStore.localPath(storageKey))).isEqualTo(content);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT v.file_name, v.size_bytes, v.storage_key, v.content_type, t.status, t.detect_types,
                            t.threshold, t.min_scene_seconds, t.min_changed_area, t.min_scene_area,
                            t.settle_frames, t.heartbeat_at
                     FROM ingest.tasks t JOIN ingest.videos v ON v.id = t.video_id WHERE t.id = ?""")) {
            query.setObject(1, taskId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("file_name")).isEqualTo("My Clip.mp4");
                assertThat(row.getLong("size_bytes")).isEqualTo(content.length);
                assertThat(row.getString("storage_key")).isEqualTo(storageKey);
                assertThat(row.getString("content_type")).isEqualTo("video/mp4");
                assertThat(row.getString("status")).isEqualTo("PENDING");
                assertThat(row.getString("detect_types")).isEqualTo("control,text");
                assertThat(row.getDouble("threshold")).isEqualTo(30.0);
                assertThat(row.getDouble("min_scene_seconds")).isEqualTo(1.5);
                assertThat(row.getDouble("min_changed_area")).isEqualTo(0.05);
                assertThat(row.getDouble("min_scene_area")).isEqualTo(0.4);
                assertThat(row.getInt("settle_frames")).isEqualTo(5);
                assertThat(row.getTimestamp("heartbeat_at")).isNotNull();
            }
        }

        ConsumerRecord<String, String> record = KafkaTestClients
                .findRecord(Topics.VIDEO_UPLOADED, taskId.toString(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no video-uploaded record with key " + taskId));
        JsonNode event = objectMapper.readTree(record.value());
        assertThat(event.get("taskId").asText()).isEqualTo(taskId.toString());
        assertThat(event.get("videoId").asText()).isEqualTo(videoId.toString());
        assertThat(event.get("storageKey").asText()).isEqualTo(storageKey);
        assertThat(event.get("sizeBytes").asLong()).isEqualTo(content.length);
        assertThat(event.get("contentType").asText()).isEqualTo("video/mp4");
        assertThat(event.get("slicing").get("threshold").asDouble()).isEqualTo(30.0);
        assertThat(event.get("slicing").get("minSceneSeconds").asDouble()).isEqualTo(1.5);
        assertThat(event.get("slicing").get("minChangedArea").asDouble()).isEqualTo(0.05);
        assertThat(event.get("slicing").get("minSceneArea").asDouble()).isEqualTo(0.4);
        assertThat(event.get("slicing").get("settleFrames").asInt()).isEqualTo(5);
        assertThat(event.get("detectTypes").toString()).isEqualTo("[\"control\",\"text\"]");
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

        ConsumerRecord<String, String> auditRecord = KafkaTestClients
                .findRecord(Topics.AUDIT_EVENTS, taskId.toString(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no audit event with key " + taskId));
        JsonNode audit = objectMapper.readTree(auditRecord.value());
        assertThat(audit.get("action").asText()).isEqualTo("upload.accepted");
        assertThat(audit.get("service").asText()).isEqualTo("ingest-service");
        assertThat(audit.get("target").asText()).isEqualTo(taskId.toString());
        assertThat(audit.get("attributes").get("videoId").asText()).isEqualTo(videoId.toString());
    }

    @Test
    void uploadDefaultsDetectTypeToControl() {
        UUID taskId = Uploads.acceptedTask(null);

        given().when().get("/api/v1/tasks/" + taskId)
                .then()
                .statusCode(200)
                .body("detectTypes", equalTo(List.of("control")));
    }

    @Test
    void uploadEmptyFile() {
        Uploads.post("empty.mp4", new byte[0], null)
                .then()
                .statusCode(400)
                .body("error", equalTo("file is empty (0 bytes); upload the complete screen recording"))
                .body("field", equalTo("file"));
    }

    @Test
    void uploadTextFileNamedMp4() {
        Uploads.post("notes.mp4", TestVideos.text(), null)
                .then()
                .statusCode(400)
                .body("error", containsString("not a supported video"))
                .body("error", containsString("MP4/MOV/3GP"))
                .body("error", containsString("Matroska/WebM"))
                .body("field", equalTo("file"))
                .body("value", equalTo("notes.mp4"));
    }

    @Test
    void uploadTooShortForTransportStream() {
        byte[] content = "G is not enough for a transport stream".getBytes();

        Uploads.post("clip.ts", content, null).then().statusCode(400).body("field", equalTo("file"));
    }

    @Test
    void uploadInvalidDetectType() {
        Uploads.post("clip.mp4", TestVideos.mp4(1024), "control,faces")
                .then()
                .statusCode(400)
                .body("error", containsString("'faces'"))
                .body("error", containsString("control, text, all"))
                .body("field", equalTo("detectTypes"))
                .body("value", equalTo("faces"));
    }

    @Test
    void uploadThresholdOutOfRange() {
        given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                .multiPart("threshold", "300")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("threshold"))
                .body("value", equalTo("300"))
                .body("error", containsString("threshold"))
                .body("error", containsString("0.1"))
                .body("error", containsString("255.0"));
    }

    @Test
    void uploadMinSceneSecondsNotANumber() {
        given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                .multiPart("minSceneSeconds", "two")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("minSceneSeconds"))
                .body("value", equalTo("two"))
                .body("error", containsString("must be a number between 0.0 and 3600.0"));
    }

    @Test
    void uploadMinChangedAreaOutOfRange() {
        given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                .multiPart("minChangedArea", "1.5")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("minChangedArea"))
                .body("value", equalTo("1.5"))
                .body("error", equalTo("minChangedArea is 1.5 but must be between 0.0 and 1.0"));
    }

    @Test
    void uploadMinSceneAreaNegative() {
        given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                .multiPart("minSceneArea", "-0.2")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("minSceneArea"))
                .body("value", equalTo("-0.2"))
                .body("error", equalTo("minSceneArea is -0.2 but must be between 0.0 and 1.0"));
    }

    @Test
    void uploadMinSceneAreaNotANumber() {
        given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                .multiPart("minSceneArea", "half")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("minSceneArea"))
                .body("value", equalTo("half"))
                .body("error", equalTo("minSceneArea must be a number between 0.0 and 1.0, got 'half'"));
    }

    @Test
    void uploadSettleFramesFraction() {
        given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                .multiPart("settleFrames", "2.5")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("settleFrames"))
                .body("value", equalTo("2.5"))
                .body("error", equalTo("settleFrames must be a whole number between 1 and 300, got '2.5'"));
    }

    @Test
    void uploadSettleFramesOutOfRange() {
        for (String value : List.of("0", "301")) {
            given().multiPart("file", "clip.mp4", TestVideos.mp4(1024), "video/mp4")
                    .multiPart("settleFrames", value)
                    .when().post("/api/v1/videos")
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("settleFrames"))
                    .body("value", equalTo(value))
                    .body("error", equalTo("settleFrames is " + value + " but must be between 1 and 300"));
        }
    }

    @Test
    void uploadWithoutFilePart() {
        given().multiPart("detectTypes", "control")
                .when().post("/api/v1/videos")
                .then()
                .statusCode(400)
                .body("field", equalTo("file"))
                .body("error", containsString("missing form part 'file'"));
    }

    @Test
    void rejectedUploadCreatesNothing() throws Exception {
        long tasksBefore = countRows("ingest.tasks");
        String[] blobsBefore = videoBlobs();

        Uploads.post("notes.mp4", TestVideos.text(), null).then().statusCode(400);
        Uploads.post("clip.mp4", TestVideos.mp4(1024), "nope").then().statusCode(400);

        assertThat(countRows("ingest.tasks")).isEqualTo(tasksBefore);
        assertThat(videoBlobs()).containsExactlyInAnyOrder(blobsBefore);
    }

    @Test
    void unknownPathReturnsJsonError() {
        given().when().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .body("error", notNullValue())
                .body("field", nullValue());
    }

    private long countRows(String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private String[] videoBlobs() throws Exception {
        Path directory = blobStore.localPath("videos");
        if (!Files.isDirectory(directory)) {
            return new String[0];
        }
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
