package io.scenery.ingest.rest;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.scenery.events.CancelFlags;
import io.scenery.ingest.TestVideos;
import io.scenery.ingest.Uploads;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(UnreachableTopicProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class PublishFailureTest {

    @Inject
    RedisDataSource redis;

    @Test
    void unpublishedUploadFailsTask() {
        Response response = Uploads.post("clip.mp4", TestVideos.mp4(2048), null);

        response.then()
                .statusCode(503)
                .body("error", startsWith("could not publish video-uploaded event: "));
        UUID taskId = UUID.fromString(response.jsonPath().getString("taskId"));

        given().when().get("/api/v1/tasks/" + taskId)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", startsWith("could not publish video-uploaded event: "))
                .body("sizeBytes", equalTo(2048));
        assertThat(redis.value(String.class).get(CancelFlags.key(taskId))).isEqualTo("1");
    }
}
