package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AnalysisResourceTest {

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
    void unknownDetectTypeIs400WithAcceptedValues() {
        given()
                .when().get("/api/v1/tasks/{taskId}/analyses/buttons", UUID.randomUUID())
                .then().statusCode(400)
                .body("message", containsString("unknown detect type 'buttons'"))
                .body("acceptedValues", contains("control", "text", "all"));
    }

    @Test
    void invalidTaskIdIs400() {
        given()
                .when().get("/api/v1/tasks/not-a-uuid/analyses/control")
                .then().statusCode(400)
                .body("message", containsString("invalid task id 'not-a-uuid'"));
    }
}
