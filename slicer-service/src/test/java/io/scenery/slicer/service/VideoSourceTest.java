package io.scenery.slicer.service;

import io.scenery.testing.ProjectLayout;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VideoSourceTest {

    @Test
    void progressTotalEstimatedWithoutDuration() throws Exception {
        Path shared = ProjectLayout.sharedData();
        Assumptions.assumeTrue(shared != null, "shared test data is absent");
        Path webm = shared.resolve("videos/screen/cbx-tree_demo.webm");
        Assumptions.assumeTrue(Files.isRegularFile(webm), "cbx-tree_demo.webm is absent");

        try (VideoSource source = VideoSource.open(UUID.randomUUID(), webm, 0, 100, Duration.ofSeconds(30))) {
            long header = source.expectedFrames();
            assertThat(header).as("frames the header claims").isZero();

            long frames = 0;
            long totalAtHalf = 0;
            while (source.next() != null) {
                frames++;
                if (frames == 200) {
                    totalAtHalf = source.progressTotal(frames, header);
                }
            }

            // The file decodes 449 frames; an estimate from bytes read is rough, so only its order is checked.
            assertThat(totalAtHalf).as("estimated total after 200 frames").isBetween(300L, 900L);
            assertThat(source.progressTotal(frames, header)).isGreaterThan(frames);
        }
    }

    @Test
    void progressTotalKeepsHeaderCountAhead() throws Exception {
        Path shared = ProjectLayout.sharedData();
        Assumptions.assumeTrue(shared != null, "shared test data is absent");
        Path mp4 = shared.resolve("videos/odd/white.mp4");
        Assumptions.assumeTrue(Files.isRegularFile(mp4), "white.mp4 is absent");

        try (VideoSource source = VideoSource.open(UUID.randomUUID(), mp4, 0, 100, Duration.ofSeconds(30))) {
            long header = source.expectedFrames();

            assertThat(header).isEqualTo(300);
            assertThat(source.progressTotal(10, header)).isEqualTo(300);
            assertThat(source.progressTotal(300, header)).isEqualTo(300);
            assertThat(source.progressTotal(301, header)).isGreaterThan(301);
        }
    }
}
