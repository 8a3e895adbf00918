package io.scenery.vlm.detection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Photo tiles placed from the selection badges of a picker grid on a 720x1280 phone screen. */
class BadgeGridTest {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 1280;

    @Test
    void badgeLatticeGivesOneTilePerBadge() {
        // Two columns of 348-pixel tiles with a 12-pixel gutter, badges in their top-right corners.
        List<DetectedElement> elements = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 2; column++) {
                int tileLeft = 12 + column * 354;
                int tileTop = 160 + row * 354;
                elements.add(badge(new BoundingBox(tileLeft + 348 - 64, tileTop, 64, 64)));
            }
        }

        List<DetectedElement> tiles = images(BadgeGrid.withTiles(elements, WIDTH, HEIGHT));

        assertThat(tiles).hasSize(6);
        BoundingBox first = new BoundingBox(12, 160, 348, 348);
        assertThat(tiles).as("the top-left tile among %s", tiles).anyMatch(t -> t.box().iou(first) >= 0.9);
        assertThat(tiles).allMatch(DetectedElement::interactive, "tiles are tappable");
    }

    @Test
    void partialTileReplacedByWholeTile() {
        List<DetectedElement> elements = new ArrayList<>();
        for (int column = 0; column < 2; column++) {
            for (int row = 0; row < 2; row++) {
                elements.add(badge(new BoundingBox(12 + column * 354 + 284, 160 + row * 354, 64, 64)));
            }
        }
        DetectedElement part = new DetectedElement(ElementType.IMAGE, null, new BoundingBox(12, 300, 348, 208), 0.5,
                ElementSource.CV, false);
        elements.add(part);

        List<DetectedElement> tiles = images(BadgeGrid.withTiles(elements, WIDTH, HEIGHT));

        assertThat(tiles).hasSize(4).doesNotContain(part);
    }

    @Test
    void radioColumnIsNoGrid() {
        List<DetectedElement> elements = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            elements.add(badge(new BoundingBox(620, 200 + row * 160, 64, 64)));
        }

        assertThat(BadgeGrid.withTiles(elements, WIDTH, HEIGHT)).isEqualTo(elements);
    }

    @Test
    void unevenlySpacedTogglesAreNoGrid() {
        List<DetectedElement> elements = List.of(
                badge(new BoundingBox(100, 200, 40, 40)), badge(new BoundingBox(400, 200, 40, 40)),
                badge(new BoundingBox(100, 500, 40, 40)), badge(new BoundingBox(600, 500, 40, 40)),
                badge(new BoundingBox(100, 1100, 40, 40)));

        assertThat(BadgeGrid.withTiles(elements, WIDTH, HEIGHT)).isEqualTo(elements);
    }

    private static List<DetectedElement> images(List<DetectedElement> elements) {
        return elements.stream().filter(e -> e.type() == ElementType.IMAGE).toList();
    }

    private static DetectedElement badge(BoundingBox box) {
        return new DetectedElement(ElementType.CHECKBOX, null, box, 0.6, ElementSource.CV, true);
    }
}
