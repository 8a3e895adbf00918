package io.scenery.vlm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;

import java.util.UUID;

/**
 * One detected element as the API returns it.
 *
 * @param id         the stored element's id; absent for synchronous detections, which are not stored
 * @param label      recognised text on or next to the element; absent when none was read
 * @param confidence 0 to 1
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElementView(UUID id, ElementType type, String label, BoxView box, double confidence,
                          ElementSource source, boolean interactive) {

    static ElementView of(AnalysisElement row) {
        return new ElementView(row.id, row.type, row.label, new BoxView(row.x, row.y, row.width, row.height),
                row.confidence, row.source, row.interactive);
    }

    static ElementView of(DetectedElement element) {
        BoxView box = new BoxView(element.box().x(), element.box().y(), element.box().width(),
                element.box().height());
        return new ElementView(null, element.type(), element.label(), box, element.confidence(), element.source(),
                element.interactive());
    }
}
