package io.scenery.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void progressUsesLowerCaseWireNames() throws Exception {
        AnalysisProgress progress = AnalysisProgress.of(UUID.randomUUID(), Stage.SLICING, ProgressStatus.RUNNING,
                null, 50, 200, null, null);

        JsonNode tree = json.readTree(json.writeValueAsString(progress));

        assertThat(tree.path("stage").asText()).isEqualTo("slicing");
        assertThat(tree.path("status").asText()).isEqualTo("running");
        assertThat(tree.path("percent").asDouble()).isEqualTo(25.0);
        assertThat(tree.has("detectType")).isFalse();
    }

    @Test
    void videoUploadedRoundTrips() throws Exception {
        VideoUploaded event = new VideoUploaded(VideoUploaded.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                "videos/x", 10, "video/mp4", new SlicingParameters(5.0, null, 0.02, null, 4),
                List.of(DetectType.CONTROL, DetectType.TEXT), null, java.time.Instant.now());

        VideoUploaded read = json.readValue(json.writeValueAsString(event), VideoUploaded.class);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void unknownDetectTypeNamesAcceptedValues() {
        assertThatThrownBy(() -> DetectType.parse("buttons"))
                .hasMessageContaining("'buttons'")
                .hasMessageContaining("control, text, all");
    }

    @Test
    void slicingParametersNameInvalidField() {
        assertThat(new SlicingParameters(300.0, 1.0, null, null, null).validate())
                .singleElement().asString().contains("threshold").contains("300.0").contains("255.0");
        assertThat(new SlicingParameters(Double.NaN, -1.0, null, null, null).validate()).hasSize(2);
        assertThat(SlicingParameters.defaults().validate()).isEmpty();
        assertThat(new SlicingParameters(null, null, 1.5, -0.1, 0).violations())
                .extracting(SlicingParameters.Violation::field)
                .containsExactly("minChangedArea", "minSceneArea", "settleFrames");
        assertThat(new SlicingParameters(null, null, 0.0, 1.0, 300).validate()).isEmpty();
        assertThat(new SlicingParameters(null, null, null, null, 301).validate())
                .singleElement().asString().contains("settleFrames is 301").contains("between 1 and 300");
    }

    @Test
    void completedProgressIsFullPercent() {
        AnalysisProgress progress = AnalysisProgress.of(UUID.randomUUID(), Stage.ANALYSIS, ProgressStatus.COMPLETED,
                null, 3, 0, null, null);

        assertThat(progress.percent()).isEqualTo(100.0);
    }
}
