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
        assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
        assertThat(html).contains("a&lt;b&gt;.mp4");
    }
}
