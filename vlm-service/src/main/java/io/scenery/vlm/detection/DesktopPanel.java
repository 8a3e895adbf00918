package io.scenery.vlm.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * The system panel of a desktop screen: a low band along the top or bottom edge of the image, set off by a
 * full-width colour change, as GNOME's top bar, a Windows task bar or a macOS menu bar. Each text in it is a menu or
 * button as high as the band, so a text line there becomes a button padded by the band's space above and below it.
 *
 * <p>NOTE: a maximised window's title bar along the top edge is not told apart from a panel, so its title would be
 * reported as a button.
 */
final class DesktopPanel {

    /** Lowest panel, as a fraction of the image height, below which a colour change is a rule, not a panel edge. */
    private static final double MIN_HEIGHT_FRACTION = 0.015;

    private final int top;
    private final int bottom;

    private DesktopPanel(int top, int bottom) {
        this.top = top;
        this.bottom = bottom;
    }

    /**
     * Returns the panels at the image's top and bottom edges, found as the first boundary below the top edge and
     * the last above the bottom edge, when they lie within the maximum height.
     */
    static List<DesktopPanel> find(BarBoundaries boundaries, int imageHeight, double maxHeightFraction) {
        List<DesktopPanel> panels = new ArrayList<>(2);
        int min = (int) Math.ceil(MIN_HEIGHT_FRACTION * imageHeight);
        int max = (int) Math.floor(maxHeightFraction * imageHeight);
        List<Integer> rows = boundaries.rows();
        for (int row : rows) {
            if (row >= min) {
                if (row <= max) {
                    panels.add(new DesktopPanel(0, row));
                }
                break;
            }
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            int height = imageHeight - rows.get(i);
            if (height >= min) {
                if (height <= max) {
                    panels.add(new DesktopPanel(rows.get(i), imageHeight));
                }
                break;
            }
        }
        return panels;
    }

    /** Returns a button for each text line that lies inside the panel, as high as the panel. */
    List<DetectedElement> buttons(List<DetectedElement> texts, int imageWidth) {
        List<DetectedElement> buttons = new ArrayList<>();
        for (DetectedElement text : texts) {
            BoundingBox box = text.box();
            if (box.y() < top || box.bottom() > bottom) {
                continue;
            }
            int padding = Math.max(0, (bottom - top - box.height()) / 2);
            int left = Math.max(0, box.x() - padding);
            int right = Math.min(imageWidth, box.right() + padding);
            buttons.add(new DetectedElement(ElementType.BUTTON, text.label(),
                    new BoundingBox(left, top, right - left, bottom - top), text.confidence(), ElementSource.OCR,
                    true));
        }
        return buttons;
    }
}
