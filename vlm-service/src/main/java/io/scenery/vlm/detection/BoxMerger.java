package io.scenery.vlm.detection;

import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes duplicate boxes. Of two boxes that overlap at or above the merge IoU, the more confident one stays. A box
 * inside a kept control (not text or an image) is dropped, because it is that control's label or glyph.
 */
@ApplicationScoped
public class BoxMerger {

    /** Pixels by which a nested box may stick out of its control and still count as inside. */
    private static final int NESTING_TOLERANCE = 2;

    private final VlmConfig.Detector config;

    public BoxMerger(VlmConfig config) {
        this.config = config.detector();
    }

    public List<DetectedElement> merge(List<DetectedElement> elements) {
        List<DetectedElement> byPriority = new ArrayList<>(elements);
        byPriority.sort(Comparator.comparingDouble(DetectedElement::confidence).reversed()
                .thenComparing(Comparator.comparingLong((DetectedElement e) -> e.box().area()).reversed()));

        List<DetectedElement> kept = new ArrayList<>();
        for (DetectedElement candidate : byPriority) {
            if (isDuplicate(candidate, kept)) {
                continue;
            }
            kept.add(candidate);
        }

        // A control found after a box nested in it (lower confidence) still removes that nested box.
        List<DetectedElement> result = new ArrayList<>();
        for (DetectedElement element : kept) {
            if (!isNestedInControl(element, kept)) {
                result.add(element);
            }
        }
        return result;
    }

    private boolean isDuplicate(DetectedElement candidate, List<DetectedElement> kept) {
        for (DetectedElement other : kept) {
            if (candidate.box().iou(other.box()) >= config.mergeIou()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNestedInControl(DetectedElement element, List<DetectedElement> all) {
        for (DetectedElement other : all) {
            boolean control = other.type() != ElementType.TEXT && other.type() != ElementType.IMAGE;
            if (other != element && control && other.box().area() > element.box().area()
                    && other.box().contains(element.box(), NESTING_TOLERANCE)) {
                return true;
            }
        }
        return false;
    }
}
