package io.scenery.vlm.detection;

import io.quarkus.logging.Log;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Provides the {@link ElementDetector} chosen by {@code scenery.vlm.detector.mode}. */
@ApplicationScoped
public class DetectorSelection {

    @Produces
    @ApplicationScoped
    ElementDetector elementDetector(VlmConfig config, OfflineElementDetector offline) {
        Log.infof("Element detector mode: %s", config.detector().mode());
        return switch (config.detector().mode()) {
            case OFFLINE -> offline;
        };
    }
}
