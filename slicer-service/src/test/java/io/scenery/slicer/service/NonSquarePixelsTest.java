package io.scenery.slicer.service;

import io.scenery.storage.FileSystemBlobStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Keyframes of videos whose pixels are not square are saved at the display aspect ratio. */
class NonSquarePixelsTest {

    @ParameterizedTest(name = "SAR {0}: {1}x{2}")
    @CsvSource({"2/1, 640, 240", "1/2, 160, 240", "1/1, 320, 240"})
    void keyframeAtDisplayAspectRatio(String sampleAspectRatio, int width, int height) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        Path video = directory.resolve("sar-" + sampleAspectRatio.replace('/', '-') + ".mkv");
        FfmpegTool.run("-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=2", "-vf",
                "setsar=" + sampleAspectRatio, "-c:v", "mjpeg", "-q:v", "5", video.toString());
        FileSystemBlobStore blobs = new FileSystemBlobStore(Path.of("target", "storage"));
        VideoSlicer slicer = new VideoSlicer(TestSlicers.config(Map.of()), blobs);

        SlicingResult result = slicer.slice(UUID.randomUUID(), video, null, TestSlicers.QUIET);

        DetectedScene scene = result.scenes().get(0);
        assertThat(scene.width()).as("keyframe width").isEqualTo(width);
        assertThat(scene.height()).as("keyframe height").isEqualTo(height);
        BufferedImage image = ImageIO.read(blobs.localPath(scene.keyframeKey()).toFile());
        assertThat(image.getWidth()).as("JPEG width").isEqualTo(width);
        assertThat(image.getHeight()).as("JPEG height").isEqualTo(height);
        assertThat(result.stats().width()).as("decoded width").isEqualTo(320);
    }
}
