package io.scenery.slicer.service;

import io.scenery.slicer.service.VideoRejectedException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Damaged packets in the middle of a real file: skipped and counted up to the limit, a failure above it. */
class DamagedPacketsTest {

    private static Path damaged;

    @BeforeAll
    static void writeDamagedFile() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        damaged = FfmpegTool.writeMjpeg(directory.resolve("damaged-mjpeg.avi"), 320, 240, 10, 10);
        FfmpegTool.damageJpegPackets(damaged, 20, 40, 60, 80, 90);
    }

    @Test
    void damagedPacketsBelowLimitSkipped() throws Exception {
        VideoSlicer slicer = TestSlicers.slicer(Map.of("scenery.slicer.max-decode-errors", "10"));

        SlicingResult result = slicer.slice(UUID.randomUUID(), damaged, null, TestSlicers.QUIET);

        assertThat(result.stats().decodeErrors()).isEqualTo(5);
        assertThat(result.stats().framesDecoded()).isEqualTo(95);
        // The end time adds the mean frame interval, which the 5 missing frames stretch a little.
        assertThat(result.stats().durationSeconds()).isCloseTo(10.0, within(0.05));
    }

    @Test
    void damagedPacketsAboveLimitFail() {
        VideoSlicer slicer = TestSlicers.slicer(Map.of("scenery.slicer.max-decode-errors", "2"));

        assertThatThrownBy(() -> slicer.slice(UUID.randomUUID(), damaged, null, TestSlicers.QUIET))
                .isInstanceOfSatisfying(VideoRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_DECODE_ERRORS))
                .hasMessage("decoding stopped at 3 damaged packets or frames, more than the limit of 2;"
                        + " the file is damaged, upload an undamaged recording");
    }
}
