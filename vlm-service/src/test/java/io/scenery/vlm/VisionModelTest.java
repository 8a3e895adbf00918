package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.SlicingStats;
import io.scenery.storage.BlobStore;
import io.scenery.vlm.service.AnalysisRunner;
import io.scenery.testing.MockModelServer;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.MockModelServer.Reply;
import io.scenery.vlm.detection.BoundingBox;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.Detection;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;
import io.scenery.vlm.detection.OfflineElementDetector;
import io.scenery.vlm.vision.HybridDetector;
import io.scenery.vlm.vision.ModelCallException;
import io.scenery.vlm.vision.VisionModelDetector;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vision model detectors against a scripted OpenAI-compatible server; the keyframe is sent at half size. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = MockModelResource.class, restrictToAnnotatedClass = true)
class VisionModelTest {

    private static final String GOOD = "{\"elements\":["
            + "{\"type\":\"button\",\"label\":\"Sign in\",\"box\":[100,50,200,90]},"
            + "{\"type\":\"text_field\",\"label\":\"Email\",\"box\":[100,120,300,150]}]}";

    @Inject
    VisionModelDetector vision;

    @Inject
    HybridDetector hybrid;

    @Inject
    OfflineElementDetector offline;

    @Inject
    AnalysisRunner runner;

    @Inject
    BlobStore blobStore;

    @Test
    void goodJsonTwoElements() {
        server().script(Reply.content(GOOD));

        Detection detection = detect();

        assertThat(server().calls()).isEqualTo(1);
        assertGood(detection.elements());
        assertThat(detection.inputTokens()).isEqualTo(100);
        assertThat(detection.outputTokens()).isEqualTo(20);
        assertThat(server().requests().get(0)).containsPattern("\"model\"\\s*:\\s*\"mock-vision\"")
                .contains("image/jpeg;base64,").contains("640x400 pixels");
    }

    @Test
    void fencedJsonRead() {
        server().script(Reply.content("```json\n" + GOOD + "\n```"));

        assertGood(detect().elements());
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void proseAroundJsonRead() {
        server().script(Reply.content("Here are the elements I found: " + GOOD + " Let me know if you need more."));

        assertGood(detect().elements());
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void truncatedJsonKeepsCompleteElements() {
        String cut = GOOD.substring(0, GOOD.indexOf("\"Email\"") + 4);
        server().script(Reply.content(cut));

        List<DetectedElement> elements = detect().elements();

        assertThat(server().calls()).isEqualTo(1);
        assertThat(elements).extracting(DetectedElement::label).containsExactly("Sign in");
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        server().script(Reply.error(429, Map.of("Retry-After", "1")), Reply.content(GOOD));

        assertGood(detect().elements());
        assertThat(server().calls()).isEqualTo(2);
        assertThat(server().millisBefore(1)).as("wait requested by Retry-After: 1, backoff alone is 50-75 ms")
                .isGreaterThanOrEqualTo(950);
    }

    @Test
    void serverErrorRetriedThenFails() {
        server().script(Reply.error(500, Map.of()));

        assertThatThrownBy(this::detect).isInstanceOf(ModelCallException.class).hasMessageContaining("HTTP 500");
        assertThat(server().calls()).isEqualTo(3);
    }

    @Test
    void badRequestNotRetried() {
        server().script(Reply.error(400, Map.of()));

        assertThatThrownBy(this::detect).isInstanceOf(ModelCallException.class).hasMessageContaining("HTTP 400");
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void slowReplyTimesOutAndIsRetried() {
        server().script(Reply.content(GOOD).after(2500), Reply.content(GOOD));

        long start = System.nanoTime();
        assertGood(detect().elements());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(server().calls()).isEqualTo(2);
        assertThat(millis).as("the first call is abandoned after the 1 s timeout").isLessThan(2400);
    }

    @Test
    void wrongScaleBoxesRescaledClippedOrDropped() {
        server().script(Reply.content("{\"elements\":["
                + "{\"type\":\"button\",\"label\":\"Sign in\",\"box\":[0.15625,0.125,0.3125,0.225]},"
                + "{\"type\":\"input\",\"label\":\"Search\",\"box\":[0.5,0.9,1.05,1.1]},"
                + "{\"type\":\"input\",\"label\":\"Gone\",\"box\":[1.2,1.2,1.5,1.5]},"
                + "{\"type\":\"widget\",\"label\":\"Unknown\",\"box\":[0.1,0.1,0.2,0.2]}]}"));

        List<DetectedElement> elements = detect().elements();

        assertThat(server().calls()).isEqualTo(1);
        assertThat(elements).hasSize(2);
        assertThat(elements.get(0).box()).isEqualTo(new BoundingBox(200, 100, 200, 80));
        assertThat(elements.get(1).box()).as("clipped to the keyframe")
                .isEqualTo(new BoundingBox(640, 720, 640, 80));
    }

    @Test
    void hybridLabelsAndRejectsByNumber() {
        byte[] png = SyntheticScreen.render().encode(".png");
        List<DetectedElement> candidates;
        try (DecodedImage image = DecodedImage.decode(png)) {
            candidates = offline.detect(image, DetectType.CONTROL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(candidates).hasSizeGreaterThanOrEqualTo(3);
        server().script(Reply.content("{\"elements\":[{\"id\":1,\"type\":\"tab\",\"label\":\"Overview\"},"
                + "{\"id\":2,\"type\":\"reject\"}]}"));

        Detection detection;
        try (DecodedImage image = DecodedImage.decode(png)) {
            detection = hybrid.detectWithUsage(image, DetectType.CONTROL, "test image");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        assertThat(server().calls()).isEqualTo(1);
        assertThat(server().requests().get(0)).contains("numbered 1 to " + candidates.size());
        List<DetectedElement> elements = detection.elements();
        assertThat(elements).hasSize(candidates.size() - 1);
        assertThat(elements.get(0).box()).isEqualTo(candidates.get(0).box());
        assertThat(elements.get(0).type()).isEqualTo(ElementType.TAB);
        assertThat(elements.get(0).label()).isEqualTo("Overview");
        assertThat(elements.get(0).source()).isEqualTo(ElementSource.VLM);
        assertThat(elements).doesNotContain(candidates.get(1));
        assertThat(elements.subList(1, elements.size())).isEqualTo(candidates.subList(2, candidates.size()));
    }

    @Test
    void detectionEndpointUsesModel() {
        byte[] png = SyntheticScreen.render().encode(".png");
        server().script(Reply.content(GOOD));

        JsonPath body = given().multiPart("file", "form.png", png, "image/png")
                .when().post("/api/v1/detections")
                .then().statusCode(200).extract().jsonPath();

        assertThat(body.getList("elements.source", String.class)).containsExactly("vlm", "vlm");
        assertThat(body.getList("elements.label", String.class)).containsExactly("Sign in", "Email");
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void detectionEndpointModelErrorBadGateway() {
        byte[] png = SyntheticScreen.render().encode(".png");
        server().script(Reply.error(400, Map.of()));

        JsonPath body = given().multiPart("file", "form.png", png, "image/png")
                .when().post("/api/v1/detections")
                .then().statusCode(502).extract().jsonPath();

        assertThat(body.getString("message")).contains("HTTP 400", "offline detector");
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void partialPolicyRecordsFailedScene() throws Exception {
        UUID taskId = UUID.randomUUID();
        byte[] jpeg = SyntheticScreen.render().encode(".jpg");
        List<SceneRef> scenes = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            String key = "keyframes/" + taskId + "/" + number + ".jpg";
            blobStore.write(key, jpeg);
            scenes.add(new SceneRef(UUID.randomUUID(), number, key));
        }
        Reply failure = Reply.error(500, Map.of());
        server().script(failure, failure, failure, Reply.content(GOOD));

        runner.run(new ScenesReady(ScenesReady.SCHEMA_VERSION, taskId, scenes.size(), scenes,
                new SlicingStats(100, 0, 1.5, 66.7, SyntheticScreen.WIDTH, SyntheticScreen.HEIGHT, 4.0),
                List.of(DetectType.CONTROL), null, Instant.now()));

        assertThat(server().calls()).isEqualTo(5);
        JsonPath analysis = given().when().get("/api/v1/tasks/{taskId}/analyses/control", taskId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(analysis.getString("status")).isEqualTo("COMPLETED");
        assertThat(analysis.getBoolean("partial")).isTrue();
        assertThat(analysis.getInt("failedScenes")).isEqualTo(1);
        assertThat(analysis.getString("error")).contains("1 of 3 scenes failed", "HTTP 500");
        assertThat(analysis.getString("scenes[0].error")).contains("scene 1", "HTTP 500");
        assertThat(analysis.getList("scenes[0].elements")).isEmpty();
        assertThat(analysis.getList("scenes[1].elements.source", String.class)).containsOnly("vlm").hasSize(2);
        assertThat(analysis.getLong("usage.inputTokens")).isEqualTo(200);
        assertThat(analysis.getLong("usage.outputTokens")).isEqualTo(40);
        assertThat(analysis.getInt("usage.calls")).isEqualTo(5);
    }

    private Detection detect() {
        byte[] png = SyntheticScreen.render().encode(".png");
        try (DecodedImage image = DecodedImage.decode(png)) {
            return vision.detectWithUsage(image, DetectType.ALL, "test image");
        } catch (io.scenery.vlm.detection.InvalidImageException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertGood(List<DetectedElement> elements) {
        assertThat(elements).extracting(DetectedElement::type).containsExactly(ElementType.BUTTON, ElementType.INPUT);
        assertThat(elements).extracting(DetectedElement::label).containsExactly("Sign in", "Email");
        assertThat(elements).allMatch(e -> e.source() == ElementSource.VLM && e.interactive());
        assertThat(elements.get(0).box()).as("sent-image pixels doubled back to keyframe pixels")
                .isEqualTo(new BoundingBox(200, 100, 200, 80));
    }

    private static MockModelServer server() {
        return MockModelResource.server;
    }
}
