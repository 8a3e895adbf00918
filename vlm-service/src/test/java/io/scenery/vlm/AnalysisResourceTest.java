package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.events.SceneRef;
import io.scenery.events.DetectType;
import io.scenery.vlm.service.AnalysisStore;
import io.scenery.vlm.service.TaskScenes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AnalysisResourceTest {

    @Inject
    TaskScenes taskScenes;

    @Inject
    AnalysisStore store;

    @Test
    void unknownTaskIs404() {
        UUID taskId = UUID.randomUUID();

        given()
                .when().get("/api/v1/tasks/{taskId}/analyses/control", taskId)
                .then().statusCode(404)
                .body("status", equalTo(404))
                .body("message", containsString("no analysis found for task " + taskId));
    }

    @Test
    void missingDetectTypeIs404WithRunHint() {
        List<TaskScene> scenes = taskWithScenes(1);
        UUID taskId = scenes.get(0).taskId;
        store.claim(taskId, DetectType.CONTROL, List.of(scenes.get(0).sceneId), UUID.randomUUID(),
                Duration.ofMinutes(10));

        given()
                .when().get("/api/v1/tasks/{taskId}/analyses/all", taskId)
                .then().statusCode(404)
                .body("message", containsString("has no all analysis; it has: control"))
                .body("message", containsString("POST /api/v1/tasks/" + taskId + "/analyses"))
                .body("message", containsString("{\"detectType\": \"all\"}"));
    }

    @Test
    void unknownDetectTypeIs400WithAcceptedValues() {
        given()
                .when().get("/api/v1/tasks/{taskId}/analyses/buttons", UUID.randomUUID())
                .then().statusCode(400)
                .body("message", containsString("unknown detect type 'buttons'"))
                .body("acceptedValues", contains("control", "text", "all"));
    }

    @Test
    void requestForUnknownTaskIs404() {
        UUID taskId = UUID.randomUUID();

        postAnalysis(taskId, "{\"detectType\":\"control\"}")
                .then().statusCode(404)
                .body("message", containsString("no scenes known for task " + taskId));
    }

    @Test
    void requestWithUnknownDetectTypeIs400() {
        UUID taskId = taskWithScenes(1).get(0).taskId;

        postAnalysis(taskId, "{\"detectType\":\"buttons\"}")
                .then().statusCode(400)
                .body("message", containsString("unknown detect type 'buttons'"))
                .body("acceptedValues", contains("control", "text", "all"));
        postAnalysis(taskId, "{\"sceneIds\":null}")
                .then().statusCode(400)
                .body("message", containsString("detectType is missing"))
                .body("acceptedValues", contains("control", "text", "all"));
    }

    @Test
    void requestWithForeignSceneIs400() {
        List<TaskScene> scenes = taskWithScenes(2);
        UUID taskId = scenes.get(0).taskId;
        UUID foreign = UUID.randomUUID();

        postAnalysis(taskId, "{\"detectType\":\"text\",\"sceneIds\":[\"" + scenes.get(1).sceneId + "\",\""
                + foreign + "\"]}")
                .then().statusCode(400)
                .body("message", containsString("sceneIds not in task " + taskId + ": [" + foreign + "]"))
                .body("acceptedValues", contains(scenes.get(0).sceneId.toString(), scenes.get(1).sceneId.toString()));
    }

    @Test
    void requestWithInvalidSceneIdIs400() {
        UUID taskId = taskWithScenes(1).get(0).taskId;

        postAnalysis(taskId, "{\"detectType\":\"text\",\"sceneIds\":[\"scene-1\"]}")
                .then().statusCode(400)
                .body("message", containsString("invalid scene id 'scene-1' in sceneIds"));
        postAnalysis(taskId, "{\"detectType\":\"text\",\"sceneIds\":[]}")
                .then().statusCode(400)
                .body("message", containsString("sceneIds is empty"));
    }

    @Test
    void requestWithInvalidBodyIs400() {
        UUID taskId = taskWithScenes(1).get(0).taskId;

        postAnalysis(taskId, "{\"detectType\":")
                .then().statusCode(400)
                .body("message", containsString("the request body is not valid JSON"));
        postAnalysis(taskId, "{\"detectType\":\"text\",\"sceneIds\":\"all\"}")
                .then().statusCode(400)
                .body("message", containsString("sceneIds must be a JSON array of scene id strings"))
                .body("message", not(containsString("java.util")));
        postAnalysis(taskId, "{\"detectType\":[\"text\"]}")
                .then().statusCode(400)
                .body("message", containsString("detectType must be a JSON string: control, text or all"))
                .body("acceptedValues", contains("control", "text", "all"));
        postAnalysis(taskId, "")
                .then().statusCode(400)
                .body("message", containsString("the request body is missing"));
        postAnalysis("task-1", "{\"detectType\":\"text\"}")
                .then().statusCode(400)
                .body("message", containsString("invalid task id"));
    }

    @Test
    void formBodyIs415WithMessage() {
        UUID taskId = taskWithScenes(1).get(0).taskId;

        given().contentType("application/x-www-form-urlencoded").body("detectType=text")
                .when().post("/api/v1/tasks/" + taskId + "/analyses")
                .then().statusCode(415)
                .contentType("application/json")
                .body("status", equalTo(415))
                .body("message", containsString("unsupported Content-Type 'application/x-www-form-urlencoded"))
                .body("message", containsString("send application/json"));
    }

    @Test
    void invalidTaskIdIs400() {
        given()
                .when().get("/api/v1/tasks/not-a-uuid/analyses/control")
                .then().statusCode(400)
                .body("message", containsString("invalid task id 'not-a-uuid'"));
    }

    /** Records scenes of a new task as scenes-ready would, without running any analysis. */
    private List<TaskScene> taskWithScenes(int count) {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> refs = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            refs.add(new SceneRef(UUID.randomUUID(), number, "keyframes/" + taskId + "/" + number + ".jpg"));
        }
        taskScenes.record(taskId, refs);
        return refs.stream().map(ref -> {
            TaskScene scene = new TaskScene();
            scene.taskId = taskId;
            scene.sceneId = ref.sceneId();
            scene.sceneNumber = ref.sceneNumber();
            return scene;
        }).toList();
    }

    private static io.restassured.response.Response postAnalysis(Object taskId, String body) {
        return given()
                .contentType("application/json")
                .body(body)
                .when().post("/api/v1/tasks/{taskId}/analyses", taskId);
    }
}
