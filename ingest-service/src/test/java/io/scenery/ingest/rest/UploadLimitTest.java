package io.scenery.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scenery.ingest.TestVideos;
import io.scenery.ingest.Uploads;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(SmallUploadLimitProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class UploadLimitTest {

    private static final String BOUNDARY = "scenery-test-boundary";

    @Inject
    BlobStore blobStore;

    @TestHTTPResource("/api/v1/videos")
    URL uploadUrl;

    @Test
    void uploadOverLimitRejected() throws Exception {
        List<Path> before = storedVideos();

        Uploads.post("large.mp4", TestVideos.mp4(4 * SmallUploadLimitProfile.LIMIT_BYTES), null)
                .then()
                .statusCode(413);

        assertThat(storedVideos()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void declaredLengthOverLimitRejected() throws Exception {
        List<Path> before = storedVideos();
        byte[] body = multipartBody("large.mp4", TestVideos.mp4(4 * SmallUploadLimitProfile.LIMIT_BYTES));

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"request body of " + body.length
                + " bytes is larger than the upload limit of 65536 bytes");
        assertThat(storedVideos()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void chunkedUploadOverLimitRejected() throws Exception {
        List<Path> before = storedVideos();
        byte[] body = multipartBody("large.mp4", TestVideos.mp4(4 * SmallUploadLimitProfile.LIMIT_BYTES));

        // A body publisher of unknown length makes the client send the body in chunks, without Content-Length.
        HttpResponse<String> response = send(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(storedVideos()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void uploadUnderLimitAccepted() {
        Uploads.post("small.mp4", TestVideos.mp4(SmallUploadLimitProfile.LIMIT_BYTES / 2), null)
                .then()
                .statusCode(202);
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uploadUrl.toURI())
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(body)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipartBody(String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** Lists every file under the video folder, including temporary files of unfinished writes. */
    private List<Path> storedVideos() throws Exception {
        Path directory = blobStore.localPath("videos");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
