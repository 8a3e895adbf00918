package io.scenery.vlm.detection;

import io.quarkus.logging.Log;
import io.scenery.vlm.config.DetectorMode;
import io.scenery.vlm.config.VlmConfig;
import io.scenery.vlm.vision.HybridDetector;
import io.scenery.vlm.vision.VisionModelClient;
import io.scenery.vlm.vision.VisionModelDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Provides the {@link ElementDetector} chosen by {@code scenery.vlm.detector.mode}. The model modes fall back to
 * the offline detector when no model base URL is configured.
 */
@ApplicationScoped
public class DetectorSelection {

    @Produces
    @ApplicationScoped
    ElementDetector elementDetector(VlmConfig config, OfflineElementDetector offline, VisionModelClient client,
                                    Instance<VisionModelDetector> vision, Instance<HybridDetector> hybrid) {
        DetectorMode mode = config.detector().mode();
        if (mode != DetectorMode.OFFLINE && !client.configured()) {
            Log.warnf("Element detector mode %s needs scenery.vlm.model.base-url; using the offline detector", mode);
            mode = DetectorMode.OFFLINE;
        }
        Log.infof("Element detector mode: %s", mode);
        return switch (mode) {
            case OFFLINE -> offline;
            case VLM -> vision.get();
            case HYBRID -> hybrid.get();
        };
    }
}
