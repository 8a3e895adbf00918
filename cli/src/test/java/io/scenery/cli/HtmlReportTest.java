package io.scenery.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void drawsBoxesAndEscapesLabels() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = (ObjectNode) json.readTree("""
                {"task": {"taskId": "t1", "status": "COMPLETED", "fileName": "a<b>.mp4"},
                 "scenes": [{"sceneNumber": 1, "width": 640, "height": 400, "keyframePath": "keyframes/scene-001.jpg",
                             "elements": [{"type": "button", "label": "<script>x</script>", "source": "ocr",
                                           "confidence": 0.9, "interactive": true,
                                           "box": {"x": 10, "y": 20, "width": 30, "height": 40}}]}]}
                """);

        new HtmlReport().write(result, dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));

        assertThat(html).contains("viewBox=\"0 0 640 400\"");
        assertThat(html).contains("<rect x=\"10\" y=\"20\" width=\"30\" height=\"40\"");
        assertThat(html).as("the box's number, at its upper left corner").contains("<text x=\"12\" y=\"32\"");
        assertThat(html).as("the same number in the table").contains("<tr><td>1</td><td>");
        assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
        assertThat(html).contains("a&lt;b&gt;.mp4");
    }

    @Test
    void showsSourceOfEachElement() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = (ObjectNode) json.readTree("""
                {"task": {"taskId": "t2", "status": "COMPLETED", "fileName": "b.mp4"},
                 "scenes": [{"sceneNumber": 1, "width": 640, "height": 400, "keyframePath": "k1.jpg",
                             "elements": [
                               {"type": "button", "label": "OK", "source": "cv", "confidence": 0.8,
                                "interactive": true, "box": {"x": 1, "y": 2, "width": 3, "height": 4}},
                               {"type": "button", "label": "mock label 1", "source": "vlm", "confidence": 0.7,
                                "interactive": true, "box": {"x": 5, "y": 6, "width": 7, "height": 8}},
                               {"type": "text", "label": "Hello", "source": "ocr", "confidence": 0.9,
                                "interactive": false, "box": {"x": 9, "y": 9, "width": 9, "height": 9}},
                               {"type": "text", "label": "World", "source": "ocr", "confidence": 0.9,
                                "interactive": false, "box": {"x": 9, "y": 20, "width": 9, "height": 9}}]}]}
                """);

        new HtmlReport().write(result, dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));

        assertThat(html).contains("<b>cv</b>: OpenCV shapes").contains("<b>ocr</b>: Tesseract OCR text lines")
                .contains("<b>vlm</b>: the vision model");
        assertThat(html).contains("4 elements (cv 1, ocr 2, vlm 1)");
        assertThat(html).contains("stroke=\"#ff7f0e\" stroke-width=\"2\"><title>button: mock label 1 (vlm)</title>");
        assertThat(html).contains("<td><span class=\"swatch\" style=\"background:#2ca02c\"></span> ocr</td>");
        assertThat(html).contains("Tesseract OCR text lines, 2 elements");
    }
}
