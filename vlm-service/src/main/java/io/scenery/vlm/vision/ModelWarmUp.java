package io.scenery.vlm.vision;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.scenery.vlm.config.DetectorMode;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Prepares the vision-model path at start-up, when a model mode is configured: loads the OpenCV libraries by
 * encoding a small picture and builds the HTTP client of the model. Without it the first analysis after a start
 * pays for both; they took 2.6 to 3.8 s in ThroughputBenchmark runs on 2 loaded cores. No call reaches the model.
 */
@ApplicationScoped
public class ModelWarmUp {

    private final VlmConfig config;
    private final VisionModelClient client;
    private final KeyframeEncoder encoder;

    public ModelWarmUp(VlmConfig config, VisionModelClient client, KeyframeEncoder encoder) {
        this.config = config;
        this.client = client;
        this.encoder = encoder;
    }

    void warmUp(@Observes StartupEvent event) {
        if (config.detector().mode() == DetectorMode.OFFLINE || !client.configured()) {
            return;
        }

        long start = System.nanoTime();
        try (Mat picture = new Mat(64, 64, CV_8UC3, new Scalar(255, 255, 255, 0))) {
            encoder.encode(picture);
        }
        client.prepare();
        Log.infof("Vision-model path prepared in %d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
