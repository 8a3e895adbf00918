package io.scenery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects everything the services know about one finished task into one JSON document: the task, its scenes
 * with their keyframes saved next to the document, the elements found in each scene and the audit trail.
 */
final class TaskResult {

    private final ObjectMapper json = new ObjectMapper();

    /** Fetches the task's results and writes {@code result.json} and the keyframes into outDir; returns the document. */
    ObjectNode collect(SceneryClient client, JsonNode task, Path outDir) throws IOException, InterruptedException {
        String taskId = task.path("taskId").asText();
        ObjectNode result = json.createObjectNode();
        result.set("task", task);

        JsonNode scenes = fetchScenes(client, taskId);
        ArrayNode sceneList = result.putArray("scenes");
        result.set("slicing", scenes.path("stats"));

        Map<String, ArrayNode> elementsByScene = new HashMap<>();
        ObjectNode analyses = result.putObject("analyses");
        for (JsonNode detectType : task.path("detectTypes")) {
            JsonNode analysis = fetchAnalysis(client, taskId, detectType.asText());
            ObjectNode summary = analyses.putObject(detectType.asText());
            summary.put("status", analysis.path("status").asText("NOT_STARTED"));
            summary.put("processed", analysis.path("processed").asLong(0));
            summary.put("total", analysis.path("total").asLong(0));
            summary.set("error", analysis.path("error"));
            for (JsonNode scene : analysis.path("scenes")) {
                ArrayNode elements = elementsByScene.computeIfAbsent(scene.path("sceneId").asText(),
                        id -> json.createArrayNode());
                for (JsonNode element : scene.path("elements")) {
                    ObjectNode copy = element.deepCopy();
                    copy.put("detectType", detectType.asText());
                    elements.add(copy);
                }
            }
        }

        Path keyframeDir = outDir.resolve("keyframes");
        Files.createDirectories(keyframeDir);
        for (JsonNode scene : scenes.path("scenes")) {
            ObjectNode entry = scene.deepCopy();
            String fileName = String.format("scene-%03d.jpg", scene.path("sceneNumber").asInt());
            String keyframeUrl = scene.path("keyframeUrl").asText("");
            if (!keyframeUrl.isEmpty()) {
                Files.write(keyframeDir.resolve(fileName), client.keyframe(keyframeUrl));
                entry.put("keyframePath", "keyframes/" + fileName);
            }
            entry.set("elements", elementsByScene.getOrDefault(scene.path("sceneId").asText(), json.createArrayNode()));
            sceneList.add(entry);
        }

        List<JsonNode> auditEvents = fetchAuditEvents(client, taskId);
        result.putArray("auditEvents").addAll(auditEvents);

        json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("result.json").toFile(), result);
        return result;
    }

    private JsonNode fetchScenes(SceneryClient client, String taskId) throws IOException, InterruptedException {
        try {
            return client.scenes(taskId);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return json.createObjectNode();
            }
            throw e;
        }
    }

    private JsonNode fetchAnalysis(SceneryClient client, String taskId, String detectType)
            throws IOException, InterruptedException {
        try {
            return client.analysis(taskId, detectType);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return json.createObjectNode();
            }
            throw e;
        }
    }

    private static List<JsonNode> fetchAuditEvents(SceneryClient client, String taskId)
            throws IOException, InterruptedException {
        return client.auditEvents(taskId);
    }
}
