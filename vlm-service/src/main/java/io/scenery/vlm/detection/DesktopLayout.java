package io.scenery.vlm.detection;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules for desktop (landscape) screens, applied to the controls and text lines found on one image. A modal
 * dialog over a scrim hides the page behind it ({@link ScrimFinder}). The items of a bar along the top or bottom
 * edge replace what the region finder found there, but for fields ({@link DesktopPanel}), while the scrim leaves
 * the bar lit. After OCR, unlabelled check boxes and radio buttons are icons, and text lines in link blue are links
 * ({@link LinkText}).
 */
final class DesktopLayout {

    /** The controls and text lines of a screen after the rules. */
    record Elements(List<DetectedElement> controls, List<DetectedElement> texts) {
    }

    /** Narrowest pane searched for a dialog of its own, as a share of the screen width. */
    private static final double MIN_PANE_SHARE = 0.5;

    private DesktopLayout() {
    }

    /**
     * Applies the rules. The panel items are given per panel, in the order of the panels. Callers run inside a
     * JavaCPP PointerScope.
     */
    static Elements apply(Mat bgr, Mat gray, List<DesktopPanel> panels, List<List<DetectedElement>> panelItems,
                          List<DetectedElement> found, List<DetectedElement> texts, boolean ocrRan) {
        Mat value = ScrimFinder.value(bgr);
        Modal modal = modal(bgr, value, found);
        BoundingBox dialog = modal == null ? null : modal.dialog();
        List<DetectedElement> keptTexts = texts.stream()
                .filter(text -> panels.stream().noneMatch(panel -> panel.containsCenterOf(text.box())))
                .filter(text -> modal == null || modal.reachable(text.box()))
                .toList();

        List<DetectedElement> controls = new ArrayList<>(found);
        controls.removeIf(c -> !isField(c) && panels.stream().anyMatch(panel -> panel.containsCenterOf(c.box())));
        controls.removeIf(c -> modal != null && !modal.reachable(c.box()));
        if (ocrRan) {
            controls.replaceAll(DesktopLayout::unlabelledToggleAsIcon);
        }

        List<DetectedElement> drawn = List.copyOf(controls);
        for (int i = 0; i < panels.size(); i++) {
            DesktopPanel panel = panels.get(i);
            if (dialog != null && ScrimFinder.isDimmed(value, dialog, panel.top(), panel.bottom())) {
                continue;
            }
            panelItems.get(i).stream()
                    .filter(item -> drawn.stream().noneMatch(c -> c.box().intersectionArea(item.box()) > 0))
                    .forEach(controls::add);
        }

        LinkText.find(bgr, gray, keptTexts).stream()
                .filter(link -> drawn.stream().noneMatch(c -> c.box().containsCenterOf(link.box())))
                .forEach(controls::add);
        return new Elements(controls, keptTexts);
    }

    /**
     * Returns the modal dialog over a scrim and the pane that the scrim covers, or null when there is none. The
     * whole screen is searched first. Then each pane between two full-height boundaries, at least half the screen
     * wide, is searched on its own: a window's dialog dims that window only, while a pane beside it, such as a
     * browser's developer tools, stays lit.
     */
    private static Modal modal(Mat bgr, Mat value, List<DetectedElement> controls) {
        int width = value.cols();
        int height = value.rows();
        BoundingBox dialog = ScrimFinder.floatingDialog(value, true, box -> containsControl(box, controls, 0));
        if (dialog != null) {
            return new Modal(dialog, new BoundingBox(0, 0, width, height));
        }

        List<Integer> edges = new ArrayList<>();
        edges.add(0);
        edges.addAll(BarBoundaries.findColumns(bgr).rows());
        edges.add(width);
        for (int i = 0; i + 1 < edges.size(); i++) {
            int left = edges.get(i);
            int right = edges.get(i + 1);
            if (right - left < MIN_PANE_SHARE * width || right - left == width) {
                continue;
            }
            Mat pane = new Mat(value, new Rect(left, 0, right - left, height)).clone();
            int offset = left;
            BoundingBox inPane = ScrimFinder.floatingDialog(pane, true,
                    box -> containsControl(box, controls, offset));
            if (inPane != null) {
                return new Modal(new BoundingBox(inPane.x() + left, inPane.y(), inPane.width(), inPane.height()),
                        new BoundingBox(left, 0, right - left, height));
            }
        }
        return null;
    }

    /**
     * Returns whether a box, given relative to a pane that starts offset pixels from the left, contains a control
     * smaller than half the box. A dialog contains at least a button. A caption box contains text only, although
     * the caption box itself can be found as a control.
     */
    private static boolean containsControl(BoundingBox box, List<DetectedElement> controls, int offset) {
        BoundingBox onScreen = new BoundingBox(box.x() + offset, box.y(), box.width(), box.height());
        return controls.stream().anyMatch(c -> c.interactive() && onScreen.containsCenterOf(c.box())
                && 2 * c.box().area() < onScreen.area());
    }

    /** A modal dialog and the part of the screen whose elements it blocks. */
    private record Modal(BoundingBox dialog, BoundingBox blocked) {

        /** Returns whether a user can reach an element: it lies in the dialog or outside the blocked part. */
        boolean reachable(BoundingBox box) {
            return dialog.containsCenterOf(box) || !blocked.containsCenterOf(box);
        }
    }

    /**
     * Returns an unlabelled check box or radio button as an icon. Desktop toggles come with a label, while tool bars
     * and side bars are full of small framed line icons of the same size. Without OCR nothing has a label, so the
     * rule applies only after OCR has run.
     */
    private static DetectedElement unlabelledToggleAsIcon(DetectedElement control) {
        boolean toggle = control.type() == ElementType.CHECKBOX || control.type() == ElementType.RADIO;
        boolean unlabelled = control.label() == null || control.label().isBlank();
        return toggle && unlabelled ? control.withType(ElementType.ICON, true).withLabel(null) : control;
    }

    /**
     * Returns whether the control is one that a bar can hold as drawn: a field, drop-down or switch. The bar's
     * other shapes are its buttons and icons, which its items report, read enlarged.
     */
    private static boolean isField(DetectedElement control) {
        return switch (control.type()) {
            case INPUT, DROPDOWN, SWITCH -> true;
            default -> false;
        };
    }
}
