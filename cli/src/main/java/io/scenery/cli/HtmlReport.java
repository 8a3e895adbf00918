package io.scenery.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: every keyframe with the detected elements drawn as boxes over it (an SVG overlay
 * in keyframe pixels), coloured by the source of each element, followed by a table of the elements.
 */
final class HtmlReport {

    private static final Map<String, String> SOURCE_COLOURS = Map.of("cv", "#1f77b4", "ocr", "#2ca02c", "vlm", "#ff7f0e");

    void write(JsonNode result, Path file) throws IOException {
        StringBuilder html = new StringBuilder();
        JsonNode task = result.path("task");
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Scenery report ")
                .append(escape(task.path("taskId").asText())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
                .append(".scene{margin-bottom:3em}.frame{position:relative;display:inline-block;max-width:100%}\n")
                .append(".frame img{display:block;max-width:100%;height:auto}\n")
                .append(".frame svg{position:absolute;left:0;top:0;width:100%;height:100%}\n")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px}\n")
                .append(".legend span{display:inline-block;margin-right:1em}\n</style></head><body>\n");

        html.append("<h1>Scenery report</h1>\n<p>Task <code>").append(escape(task.path("taskId").asText()))
                .append("</code>, file <code>").append(escape(task.path("fileName").asText()))
                .append("</code>: <b>").append(escape(task.path("status").asText())).append("</b>");
        if (!task.path("error").isMissingNode() && !task.path("error").isNull()) {
            html.append(" (").append(escape(task.path("error").asText())).append(")");
        }
        html.append(", ").append(result.path("scenes").size()).append(" scenes.</p>\n");
        html.append("<p class=\"legend\">Box colour shows where an element came from: ");
        SOURCE_COLOURS.forEach((source, colour) -> html.append("<span style=\"color:").append(colour).append("\">&#9632; ")
                .append(source).append("</span>"));
        html.append("</p>\n");

        for (JsonNode scene : result.path("scenes")) {
            appendScene(html, scene);
        }
        html.append("</body></html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private void appendScene(StringBuilder html, JsonNode scene) {
        int width = scene.path("width").asInt(1);
        int height = scene.path("height").asInt(1);
        html.append("<div class=\"scene\"><h2>Scene ").append(scene.path("sceneNumber").asInt())
                .append(String.format(Locale.ROOT, ": %.2f s to %.2f s", scene.path("startSeconds").asDouble(),
                        scene.path("endSeconds").asDouble()))
                .append("</h2>\n<p>Frames ").append(scene.path("startFrame").asLong()).append(" to ")
                .append(scene.path("endFrame").asLong()).append(", keyframe ").append(scene.path("keyframeFrame").asLong())
                .append(String.format(Locale.ROOT, ", motion %.2f", scene.path("motion").asDouble()))
                .append(", ").append(scene.path("elements").size()).append(" elements.</p>\n");

        html.append("<div class=\"frame\"><img src=\"").append(escape(scene.path("keyframePath").asText()))
                .append("\" alt=\"keyframe of scene ").append(scene.path("sceneNumber").asInt()).append("\">")
                .append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" preserveAspectRatio=\"none\">");
        for (JsonNode element : scene.path("elements")) {
            JsonNode box = element.path("box");
            String colour = SOURCE_COLOURS.getOrDefault(element.path("source").asText(), "#d62728");
            html.append("<rect x=\"").append(box.path("x").asInt()).append("\" y=\"").append(box.path("y").asInt())
                    .append("\" width=\"").append(box.path("width").asInt()).append("\" height=\"")
                    .append(box.path("height").asInt()).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"><title>").append(escape(describe(element))).append("</title></rect>");
        }
        html.append("</svg></div>\n");

        html.append("<table><tr><th>type</th><th>label</th><th>box (x, y, w, h)</th><th>confidence</th>")
                .append("<th>source</th><th>interactive</th></tr>\n");
        for (JsonNode element : scene.path("elements")) {
            JsonNode box = element.path("box");
            html.append("<tr><td>").append(escape(element.path("type").asText())).append("</td><td>")
                    .append(escape(element.path("label").asText(""))).append("</td><td>")
                    .append(box.path("x").asInt()).append(", ").append(box.path("y").asInt()).append(", ")
                    .append(box.path("width").asInt()).append(", ").append(box.path("height").asInt())
                    .append(String.format(Locale.ROOT, "</td><td>%.2f</td><td>", element.path("confidence").asDouble()))
                    .append(escape(element.path("source").asText())).append("</td><td>")
                    .append(element.path("interactive").asBoolean() ? "yes" : "no").append("</td></tr>\n");
        }
        html.append("</table></div>\n");
    }

    private static String describe(JsonNode element) {
        String label = element.path("label").asText("");
        return element.path("type").asText() + (label.isEmpty() ? "" : ": " + label)
                + " (" + element.path("source").asText() + ")";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
