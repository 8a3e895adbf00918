package io.scenery.slicer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.scenery.events.VideoUploaded;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.ScreenRecordingGenerator;
import io.scenery.testing.ScreenRecordingGenerator.Options;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class SceneResourceTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Test
    void scenesAndKeyframesServed() throws Exception {
        Path file = Files.createDirectories(Path.of("target", "recordings")).resolve("rest.mp4");
        ScreenRecordingGenerator.write(file, Options.of(List.of(24, 24)).withSeed(3));
        VideoUploaded upload = Uploads.store(blobs, file);
        try (KafkaTestClient kafka = new KafkaTestClient(mapper)) {
            kafka.send("video-uploaded", upload.taskId(), upload);
            kafka.await("scenes-ready", upload.taskId(), records -> !records.isEmpty(), Duration.ofSeconds(60));
        }

        given().get("/api/v1/tasks/{taskId}/scenes.csv", upload.taskId()).then()
                .statusCode(200)
                .contentType("text/csv")
                .body(containsString("scene,start_frame,end_frame,start_seconds,end_seconds,keyframe_frame,"))
                .body(containsString("\n2,24,47,2.0000,4.0000,"));
        given().get("/api/v1/tasks/{taskId}/frames.csv", upload.taskId()).then()
                .statusCode(200)
                .contentType("text/csv")
                .body(containsString("frame,seconds,motion,changed_area,cut\n0,0.0000,"))
                .body(containsString("\n24,2.0000,"));
        given().get("/api/v1/tasks/{taskId}/frames.csv", UUID.randomUUID()).then().statusCode(404);

        Response response = given().get("/api/v1/tasks/{taskId}/scenes", upload.taskId());
        response.then()
                .statusCode(200)
                .contentType("application/json")
                .body("taskId", equalTo(upload.taskId().toString()))
                .body("status", equalTo("COMPLETED"))
                .body("sceneCount", equalTo(2))
                .body("stats.framesDecoded", equalTo(48))
                .body("stats.width", equalTo(640))
                .body("stats.height", equalTo(400))
                .body("scenes[0].sceneNumber", equalTo(1))
                .body("scenes[0].startFrame", equalTo(0))
                .body("scenes[1].startFrame", equalTo(24))
                .body("scenes[1].keyframeKey", equalTo("keyframes/" + upload.taskId() + "/2.jpg"))
                .body("scenes[1].width", equalTo(640));
        Map<String, Object> second = response.jsonPath().getMap("scenes[1]");
        assertThat(second).containsOnlyKeys("sceneId", "sceneNumber", "startFrame", "endFrame", "startSeconds",
                "endSeconds", "keyframeFrame", "keyframeSeconds", "motion", "keyframeKey", "keyframeUrl", "width",
                "height");
        String keyframeUrl = (String) second.get("keyframeUrl");
        assertThat(keyframeUrl).isEqualTo("/api/v1/scenes/" + second.get("sceneId") + "/keyframe");

        byte[] jpeg = given().get(keyframeUrl).then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(jpeg).isEqualTo(Files.readAllBytes(blobs.localPath("keyframes/" + upload.taskId() + "/2.jpg")));
    }

    @Test
    void unknownTaskIs404() {
        given().get("/api/v1/tasks/{taskId}/scenes", UUID.randomUUID()).then()
                .statusCode(404)
                .body("error", containsString("no slicing run for task"));
    }

    @Test
    void invalidTaskIdIs400() {
        given().get("/api/v1/tasks/not-a-uuid/scenes").then()
                .statusCode(400)
                .body("error", containsString("invalid task id 'not-a-uuid': expected a UUID"));
    }

    @Test
    void unknownSceneKeyframeIs404() {
        given().get("/api/v1/scenes/{sceneId}/keyframe", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/json")
                .body("error", containsString("not found"));
    }
}
