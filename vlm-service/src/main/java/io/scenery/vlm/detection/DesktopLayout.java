package io.scenery.vlm.detection;

import org.bytedeco.opencv.opencv_core.Mat;

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

    private DesktopLayout() {
    }

    /**
     * Applies the rules. The panel items are given per panel, in the order of the panels. Callers run inside a
     * JavaCPP PointerScope.
     */
    static Elements apply(Mat bgr, Mat gray, List<DesktopPanel> panels, List<List<DetectedElement>> panelItems,
                          List<DetectedElement> found, List<DetectedElement> texts, boolean ocrRan) {
        Mat value = ScrimFinder.value(bgr);
        BoundingBox dialog = ScrimFinder.floatingDialog(value, true);
        List<DetectedElement> keptTexts = texts.stream()
                .filter(text -> panels.stream().noneMatch(panel -> panel.containsCenterOf(text.box())))
                .filter(text -> dialog == null || dialog.containsCenterOf(text.box()))
                .toList();

        List<DetectedElement> controls = new ArrayList<>(found);
        controls.removeIf(c -> !isField(c) && panels.stream().anyMatch(panel -> panel.containsCenterOf(c.box())));
        controls.removeIf(c -> dialog != null && !dialog.containsCenterOf(c.box()));
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
