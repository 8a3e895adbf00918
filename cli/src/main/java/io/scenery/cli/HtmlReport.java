package io.scenery.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: every keyframe with the detected elements drawn as numbered boxes over it (an SVG
 * overlay in keyframe pixels), coloured by the source of each element, followed by a table of the elements under
 * the same numbers.
 */
final class HtmlReport {

    /** Smallest font size, in keyframe pixels, of the element numbers drawn on a keyframe. */
    private static final int MIN_NUMBER_FONT_SIZE = 12;

    /** Keyframe height over the font size of its element numbers. */
    private static final int NUMBER_FONT_DIVISOR = 50;

    private static final Map<String, String> SOURCE_COLOURS = Map.of("cv", "#1f77b4", "ocr", "#2ca02c", "vlm", "#ff7f0e");

    /** The element sources in legend order, with what each means. */
    private static final Map<String, String> SOURCE_MEANINGS = orderedSources();

    private static Map<String, String> orderedSources() {
        Map<String, String> meanings = new LinkedHashMap<>();
        meanings.put("cv", "OpenCV shapes, labelled by OCR when text was read inside");
        meanings.put("ocr", "Tesseract OCR text lines");
        meanings.put("vlm", "the vision model found, typed or labelled it");
        return meanings;
    }

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
                .append(".legend li{list-style:none}.swatch{display:inline-block;width:1em;height:1em;"
                        + "vertical-align:middle}\n</style></head><body>\n");

        html.append("<h1>Scenery report</h1>\n<p>Task <code>").append(escape(task.path("taskId").asText()))
                .append("</code>, file <code>").append(escape(task.path("fileName").asText()))
                .append("</code>: <b>").append(escape(task.path("status").asText())).append("</b>");
        if (!task.path("error").isMissingNode() && !task.path("error").isNull()) {
            html.append(" (").append(escape(task.path("error").asText())).append(")");
        }
        html.append(", ").append(result.path("scenes").size()).append(" scenes.</p>\n");
        Map<String, Integer> totals = countBySource(result.path("scenes").findValues("elements"));
        html.append("<p class=\"legend\">Box colour and the source column show where each element and its label "
                + "came from:</p>\n<ul class=\"legend\">");
        SOURCE_MEANINGS.forEach((source, meaning) -> html.append("<li><span class=\"swatch\" style=\"background:")
                .append(SOURCE_COLOURS.get(source)).append("\"></span> <b>").append(source).append("</b>: ")
                .append(escape(meaning)).append(", ").append(totals.getOrDefault(source, 0)).append(" elements</li>"));
        html.append("</ul>\n");

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
                .append(", ").append(scene.path("elements").size()).append(" elements")
                .append(sourceSummary(countBySource(List.of(scene.path("elements"))))).append(".</p>\n");

        html.append("<div class=\"frame\"><img src=\"").append(escape(scene.path("keyframePath").asText()))
                .append("\" alt=\"keyframe of scene ").append(scene.path("sceneNumber").asInt()).append("\">")
                .append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" preserveAspectRatio=\"none\">");
        // Each box carries its row number from the table below, drawn at its upper left corner.
        int fontSize = Math.max(MIN_NUMBER_FONT_SIZE, height / NUMBER_FONT_DIVISOR);
        int number = 0;
        for (JsonNode element : scene.path("elements")) {
            number++;
            JsonNode box = element.path("box");
            String colour = SOURCE_COLOURS.getOrDefault(element.path("source").asText(), "#d62728");
            html.append("<rect x=\"").append(box.path("x").asInt()).append("\" y=\"").append(box.path("y").asInt())
                    .append("\" width=\"").append(box.path("width").asInt()).append("\" height=\"")
                    .append(box.path("height").asInt()).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"><title>").append(escape(describe(element))).append("</title></rect>");
            html.append("<text x=\"").append(box.path("x").asInt() + 2).append("\" y=\"")
                    .append(box.path("y").asInt() + fontSize).append("\" font-size=\"").append(fontSize)
                    .append("\" fill=\"").append(colour).append("\" stroke=\"#fff\" stroke-width=\"3\" ")
                    .append("paint-order=\"stroke\">").append(number).append("</text>");
        }
        html.append("</svg></div>\n");

        html.append("<table><tr><th>#</th><th>type</th><th>label</th><th>box (x, y, w, h)</th><th>confidence</th>")
                .append("<th>source</th><th>interactive</th></tr>\n");
        number = 0;
        for (JsonNode element : scene.path("elements")) {
            number++;
            JsonNode box = element.path("box");
            html.append("<tr><td>").append(number).append("</td><td>")
                    .append(escape(element.path("type").asText())).append("</td><td>")
                    .append(escape(element.path("label").asText(""))).append("</td><td>")
                    .append(box.path("x").asInt()).append(", ").append(box.path("y").asInt()).append(", ")
                    .append(box.path("width").asInt()).append(", ").append(box.path("height").asInt())
                    .append(String.format(Locale.ROOT, "</td><td>%.2f</td><td>", element.path("confidence").asDouble()))
                    .append(sourceCell(element.path("source").asText())).append("</td><td>")
                    .append(element.path("interactive").asBoolean() ? "yes" : "no").append("</td></tr>\n");
        }
        html.append("</table></div>\n");
    }

    /** Counts the elements of the given arrays per source. */
    private static Map<String, Integer> countBySource(List<JsonNode> elementArrays) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode elements : elementArrays) {
            for (JsonNode element : elements) {
                counts.merge(element.path("source").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String sourceSummary(Map<String, Integer> counts) {
        StringBuilder summary = new StringBuilder();
        for (String source : SOURCE_MEANINGS.keySet()) {
            if (counts.containsKey(source)) {
                summary.append(summary.isEmpty() ? " (" : ", ").append(source).append(' ').append(counts.get(source));
            }
        }
        return summary.isEmpty() ? "" : summary.append(')').toString();
    }

    private static String sourceCell(String source) {
        String colour = SOURCE_COLOURS.getOrDefault(source, "#d62728");
        return "<span class=\"swatch\" style=\"background:" + colour + "\"></span> " + escape(source);
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
