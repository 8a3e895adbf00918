package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class DetectionResourceTest {

    @Test
    void pngReturnsControls() {
        byte[] png = SyntheticScreen.render().encode(".png");

        JsonPath body = given()
                .multiPart("file", "form.png", png, "image/png")
                .when().post("/api/v1/detections")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(body.getString("detectType")).isEqualTo("control");
        assertThat(body.getInt("width")).isEqualTo(SyntheticScreen.WIDTH);
        assertThat(body.getInt("height")).isEqualTo(SyntheticScreen.HEIGHT);
        assertThat(body.getList("elements")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(body.getList("elements.type", String.class)).contains("button", "input", "checkbox");
        assertThat(body.getList("elements.label", String.class)).contains("Cancel");
        assertThat(body.getList("elements.id")).containsOnlyNulls();
        assertThat(body.getInt("elements[0].box.height")).isPositive();
        assertThat(body.getBoolean("elements[0].interactive")).isTrue();
    }

    @Test
    void textDetectTypeReturnsOcrLines() {
        byte[] jpeg = SyntheticScreen.render().encode(".jpg");

        JsonPath body = given()
                .multiPart("file", "form.jpg", jpeg, "image/jpeg")
                .multiPart("detectType", "text")
                .when().post("/api/v1/detections")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(body.getString("detectType")).isEqualTo("text");
        assertThat(body.getList("elements.source", String.class)).containsOnly("ocr");
        assertThat(body.getList("elements.label", String.class)).contains("Account settings");
    }

    @Test
    void textFileIs400() {
        given()
                .multiPart("file", "notes.txt", "just some notes".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/v1/detections")
                .then().statusCode(400)
                .body("message", containsString("file 'notes.txt' was rejected"))
                .body("message", containsString("not a PNG or JPEG image"));
    }

    @Test
    void missingFileIs400() {
        given()
                .multiPart("detectType", "control")
                .when().post("/api/v1/detections")
                .then().statusCode(400)
                .body("message", containsString("'file' is missing"));
    }

    @Test
    void unknownDetectTypeIs400() {
        given()
                .multiPart("file", "form.png", SyntheticScreen.render().encode(".png"), "image/png")
                .multiPart("detectType", "widgets")
                .when().post("/api/v1/detections")
                .then().statusCode(400)
                .body("acceptedValues", contains("control", "text", "all"));
    }
}
