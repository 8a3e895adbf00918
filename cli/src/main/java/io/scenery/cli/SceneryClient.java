package io.scenery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls the REST APIs of the Scenery services. */
public final class SceneryClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ServiceUrls urls;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public SceneryClient(URI ingest, URI slicer, URI vlm, URI audit) {
        this(new ServiceUrls(ingest, slicer, vlm, audit));
    }

    SceneryClient(ServiceUrls urls) {
        this.urls = urls;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Uploads a recording and returns the 202 answer (taskId, statusUrl, ...).
     *
     * @param options extra form fields such as detectTypes, threshold or minSceneSeconds
     * @throws ApiException when the upload is rejected, with the service's error body
     */
    public JsonNode upload(Path video, Map<String, String> options) throws IOException, InterruptedException {
        MultipartBody body = new MultipartBody().file("file", video);
        options.forEach(body::field);
        HttpRequest request = HttpRequest.newBuilder(urls.ingest().resolve("/api/v1/videos"))
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new ApiException("POST /api/v1/videos", response.statusCode(), response.body());
        }
        return json.readTree(response.body());
    }

    public JsonNode task(String taskId) throws IOException, InterruptedException {
        return getJson(urls.ingest(), "/api/v1/tasks/" + taskId);
    }

    public JsonNode cancel(String taskId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(urls.ingest().resolve("/api/v1/tasks/" + taskId + "/cancel"))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new ApiException("POST /api/v1/tasks/" + taskId + "/cancel", response.statusCode(), response.body());
        }
        return json.readTree(response.body());
    }

    public JsonNode scenes(String taskId) throws IOException, InterruptedException {
        return getJson(urls.slicer(), "/api/v1/tasks/" + taskId + "/scenes");
    }

    public JsonNode analysis(String taskId, String detectType) throws IOException, InterruptedException {
        return getJson(urls.vlm(), "/api/v1/tasks/" + taskId + "/analyses/" + detectType);
    }

    /** Returns every audit event of the task, following the pagination cursor. */
    public List<JsonNode> auditEvents(String taskId) throws IOException, InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/audit-events?limit=1000&taskId=" + encode(taskId)
                    + (cursor == null ? "" : "&after=" + encode(cursor));
            JsonNode page = getJson(urls.audit(), path);
            page.path("items").forEach(events::add);
            JsonNode next = page.path("nextCursor");
            cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        } while (cursor != null);
        return events;
    }

    /** Downloads a keyframe given its path on the slicer, such as /api/v1/scenes/{id}/keyframe. */
    public byte[] keyframe(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(urls.slicer().resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new ApiException("GET " + path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private JsonNode getJson(URI base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ApiException("GET " + path, response.statusCode(), response.body());
        }
        return json.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
