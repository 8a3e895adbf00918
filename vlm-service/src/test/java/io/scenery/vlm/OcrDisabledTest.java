package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.scenery.events.DetectType;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.ElementDetector;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(OcrDisabledTest.OcrOff.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class OcrDisabledTest {

    /** Runs the service with Tesseract switched off. */
    public static class OcrOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scenery.vlm.ocr.enabled", "false");
        }
    }

    @Inject
    ElementDetector detector;

    @Test
    void controlsFoundWithoutLabels() throws Exception {
        List<DetectedElement> found = detect(DetectType.CONTROL);

        assertThat(found).extracting(DetectedElement::type).contains(ElementType.BUTTON, ElementType.INPUT,
                ElementType.CHECKBOX);
        assertThat(found).allMatch(e -> e.label() == null, "no labels without OCR");
    }

    @Test
    void textFallsBackToTextShapedRegions() throws Exception {
        List<DetectedElement> found = detect(DetectType.TEXT);

        assertThat(found).isNotEmpty();
        assertThat(found).allMatch(e -> e.type() == ElementType.TEXT && e.source() == ElementSource.CV);
    }

    private List<DetectedElement> detect(DetectType detectType) throws Exception {
        try (DecodedImage image = DecodedImage.decode(SyntheticScreen.render().encode(".png"))) {
            return detector.detect(image, detectType);
        }
    }
}
