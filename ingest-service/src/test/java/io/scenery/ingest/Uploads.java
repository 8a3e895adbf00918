package io.scenery.ingest;

import io.restassured.response.Response;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Uploads test videos through the REST API. */
public final class Uploads {

    private Uploads() {
    }

    public static Response post(String fileName, byte[] content, String detectTypes) {
        var request = given().multiPart("file", fileName, content, "video/mp4");
        if (detectTypes != null) {
            request = request.multiPart("detectTypes", detectTypes);
        }
        return request.when().post("/api/v1/videos");
    }

    /** Uploads a small MP4-looking file and returns the id of the PENDING task it created. */
    public static UUID acceptedTask(String detectTypes) {
        Response response = post("clip.mp4", TestVideos.mp4(4096), detectTypes);
        response.then().statusCode(202);
        return UUID.fromString(response.jsonPath().getString("taskId"));
    }
}
