package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The published OpenAPI document describes the result schema as the API returns it. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class OpenApiDocumentTest {

    private JsonPath document;

    @BeforeEach
    void fetchDocument() {
        document = given()
                .queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void elementSchemaListsTypes() {
        assertThat(document.getList("components.schemas.Element.properties.type.enum", String.class))
                .containsExactly("button", "input", "checkbox", "radio", "switch", "dropdown", "link", "tab",
                        "icon", "image", "text");
        assertThat(document.getList("components.schemas.Element.properties.source.enum", String.class))
                .containsExactly("cv", "ocr", "vlm");
        assertThat(document.getMap("components.schemas.Element.properties"))
                .containsKeys("id", "label", "box", "confidence", "interactive");
        assertThat(document.getList("components.schemas.Element.required", String.class))
                .contains("type", "box", "confidence", "source", "interactive");
        // OpenAPI 3.1, which Quarkus publishes, lists examples as an array.
        assertThat(document.getList("components.schemas.Element.properties.type.examples", String.class))
                .containsExactly("button");
    }

    @Test
    void boxSchemaInPixels() {
        assertThat(document.getList("components.schemas.Box.required", String.class))
                .containsExactlyInAnyOrder("x", "y", "width", "height");
        assertThat(document.getString("components.schemas.Box.description")).contains("pixels");
    }

    @Test
    void analysisRequestDocumented() {
        String post = "paths.'/api/v1/tasks/{taskId}/analyses'.post";

        assertThat(document.getMap(post + ".responses")).containsKeys("200", "202", "400", "404", "503");
        assertThat(document.getList("components.schemas.AnalysisRequest.properties.detectType.enum", String.class))
                .containsExactly("control", "text", "all");
        assertThat(document.getList("components.schemas.Analysis.properties.status.enum", String.class))
                .contains("RUNNING", "COMPLETED");
        assertThat(document.getString("paths.'/api/v1/tasks/{taskId}/analyses/{detectType}'.get.responses.'200'"
                + ".content.'application/json'.schema.$ref")).endsWith("/Analysis");
    }
}
