package io.scenery.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ServiceEndpointsTest {

    @Test
    void openApiDescribesEndpoints() {
        given().accept("application/json")
                .when().get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/videos"))
                .body("paths", hasKey("/api/v1/tasks/{id}"))
                .body("paths", hasKey("/api/v1/tasks/{id}/cancel"))
                .body("paths", hasKey("/api/v1/tasks/{id}/events"))
                .body("paths.'/api/v1/videos'.post.requestBody.content.'multipart/form-data'.schema.$ref",
                        equalTo("#/components/schemas/UploadForm"))
                .body("components.schemas.UploadForm.properties.file.format", equalTo("binary"))
                .body("components.schemas.UploadForm.required", hasItem("file"));
    }

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
