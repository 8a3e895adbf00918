package io.scenery.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTest {

    @Test
    void parsesUploadFieldsAndTimeout() {
        CliOptions options = CliOptions.parse(new String[] {"process", "a.mp4", "--detect-types", "control,text",
                "--threshold", "4.5", "--timeout", "90s", "--vlm-url", "http://127.0.0.1:9999"});

        assertThat(options.uploadFields()).containsEntry("detectTypes", "control,text").containsEntry("threshold", "4.5");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.urls().vlm().getPort()).isEqualTo(9999);
        assertThat(options.urls().ingest().getPort()).isEqualTo(8080);
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"process", "a.mp4", "--treshold", "4"}))
                .hasMessageContaining("unknown option --treshold");
    }

    @Test
    void invalidTimeoutNamesValue() {
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"process", "a.mp4", "--timeout", "soon"}))
                .hasMessageContaining("'soon'");
    }

    @Test
    void missingVideoShowsUsage() {
        assertThatThrownBy(() -> CliOptions.parse(new String[] {"process"})).hasMessageContaining("usage:");
    }
}
