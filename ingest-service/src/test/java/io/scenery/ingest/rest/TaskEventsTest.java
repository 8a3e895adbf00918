package io.scenery.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.Stage;
import io.scenery.events.Topics;
import io.scenery.ingest.KafkaTestClients;
import io.scenery.ingest.Uploads;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class TaskEventsTest {

    /** One Server-Sent Event as read off the wire. */
    record SseEvent(String name, String data) {
    }

    @TestHTTPResource("/api/v1/tasks/")
    URL tasksUrl;

    @Inject
    ObjectMapper objectMapper;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void eventStreamEndsAtCompleted() throws Exception {
        UUID taskId = Uploads.acceptedTask(null);
        List<SseEvent> events = new ArrayList<>();
        HttpResponse<Stream<String>> response = open(taskId);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();

        SseEvent snapshot = nextEvent(lines);
        assertThat(snapshot.name()).isEqualTo("task");
        assertThat(json(snapshot).get("status").asText()).isEqualTo("PENDING");
        assertThat(json(snapshot).get("taskId").asText()).isEqualTo(taskId.toString());

        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            SseEvent event;
            while ((event = nextEvent(lines)) != null) {
                synchronized (events) {
                    events.add(event);
                }
            }
        });
        send(taskId, Stage.SLICING, ProgressStatus.RUNNING, null, 5, 10, null);
        awaitEventCount(events, 1);
        send(taskId, Stage.SLICING, ProgressStatus.COMPLETED, null, 10, 10, 4);
        awaitEventCount(events, 2);
        send(taskId, Stage.ANALYSIS, ProgressStatus.RUNNING, DetectType.CONTROL, 2, 4, null);
        awaitEventCount(events, 3);
        send(taskId, Stage.ANALYSIS, ProgressStatus.COMPLETED, DetectType.CONTROL, 4, 4, null);

        reader.get(30, TimeUnit.SECONDS);
        assertThat(events).extracting(SseEvent::name)
                .containsExactly("progress", "progress", "progress", "progress", "task");
        assertThat(events.subList(0, 4)).extracting(event -> json(event).get("status").asText())
                .containsExactly("running", "completed", "running", "completed");
        assertThat(events.subList(0, 4)).extracting(event -> json(event).get("stage").asText())
                .containsExactly("slicing", "slicing", "analysis", "analysis");
        JsonNode finalTask = json(events.get(4));
        assertThat(finalTask.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(finalTask.get("sceneCount").asInt()).isEqualTo(4);
    }

    @Test
    void eventStreamOfFinishedTask() throws Exception {
        UUID taskId = Uploads.acceptedTask(null);
        given().when().post("/api/v1/tasks/" + taskId + "/cancel").then().statusCode(202);

        HttpResponse<Stream<String>> response = open(taskId);
        List<SseEvent> events = new ArrayList<>();
        Iterator<String> lines = response.body().iterator();
        SseEvent event;
        while ((event = nextEvent(lines)) != null) {
            events.add(event);
        }

        assertThat(events).extracting(SseEvent::name).containsExactly("task");
        assertThat(json(events.get(0)).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void eventStreamEndsWhenCancelled() throws Exception {
        UUID taskId = Uploads.acceptedTask(null);
        HttpResponse<Stream<String>> response = open(taskId);
        Iterator<String> lines = response.body().iterator();
        assertThat(nextEvent(lines).name()).isEqualTo("task");

        given().when().post("/api/v1/tasks/" + taskId + "/cancel").then().statusCode(202);

        SseEvent progress = nextEvent(lines);
        assertThat(progress.name()).isEqualTo("progress");
        assertThat(json(progress).get("status").asText()).isEqualTo("cancelled");
        SseEvent last = nextEvent(lines);
        assertThat(last.name()).isEqualTo("task");
        assertThat(json(last).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(nextEvent(lines)).isNull();
    }

    @Test
    void eventStreamOfUnknownTask() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(events(UUID.randomUUID()))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("not found");
    }

    private HttpResponse<Stream<String>> open(UUID taskId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(events(taskId))
                .header("Accept", "text/event-stream")
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
    }

    private URI events(UUID taskId) throws Exception {
        return tasksUrl.toURI().resolve(taskId + "/events");
    }

    /** Reads the next event, or returns null when the stream ended. */
    private static SseEvent nextEvent(Iterator<String> lines) {
        String name = "message";
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new SseEvent(name, data.toString());
                }
                continue;
            }
            if (line.startsWith("event:")) {
                name = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).trim());
            }
        }
        return data.length() > 0 ? new SseEvent(name, data.toString()) : null;
    }

    private JsonNode json(SseEvent event) {
        try {
            return objectMapper.readTree(event.data());
        } catch (Exception e) {
            throw new AssertionError("event data is not JSON: " + event.data(), e);
        }
    }

    private static void awaitEventCount(List<SseEvent> events, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (events) {
                return events.size() >= count;
            }
        });
    }

    private void send(UUID taskId, Stage stage, ProgressStatus status, DetectType detectType, long processed,
                      long total, Integer sceneCount) throws Exception {
        AnalysisProgress event = AnalysisProgress.of(taskId, stage, status, detectType, processed, total, null,
                sceneCount);
        KafkaTestClients.send(Topics.ANALYSIS_PROGRESS, taskId.toString(), objectMapper.writeValueAsString(event));
    }
}
