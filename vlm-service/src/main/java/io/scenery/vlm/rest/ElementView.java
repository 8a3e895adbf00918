package io.scenery.vlm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(name = "Element", description = "A UI element or text line found in a keyframe")
public record ElementView(
        @Schema(description = "Id of the stored element; absent for POST /api/v1/detections, which stores nothing",
                example = "9b2e4f10-5c3a-4d7e-8f61-2a0b1c3d4e5f")
        UUID id,
        @Schema(implementation = String.class, required = true, description = "Kind of element",
                enumeration = {"button", "input", "checkbox", "radio", "switch", "dropdown", "link", "tab", "icon",
                        "image", "text"},
                example = "button")
        ElementType type,
        @Schema(description = "Text on the element, or next to it for a checkbox or radio button; for a text element "
                + "the text itself. Absent when none was read", example = "Sign in")
        String label,
        @Schema(required = true)
        BoxView box,
        @Schema(required = true, minimum = "0", maximum = "1", description = "How sure the detector is, 0 to 1",
                example = "0.8")
        double confidence,
        @Schema(implementation = String.class, required = true, enumeration = {"cv", "ocr", "vlm"}, example = "cv",
                description = "Where the element came from: cv (OpenCV shapes), ocr (Tesseract text) or vlm (the "
                        + "vision model found, labelled or typed it)")
        ElementSource source,
        @Schema(required = true, description = "Whether a user can click, type into or toggle the element",
                example = "true")
        boolean interactive) {

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
