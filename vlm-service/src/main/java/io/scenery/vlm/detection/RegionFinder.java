package io.scenery.vlm.detection;

import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_GRADIENT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_CCOMP;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.drawContours;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Finds candidate UI elements in a gray image. Steps: morphological gradient, threshold to an edge map, closing
 * to join glyphs and icon parts that lie closer than the join gap, outer contours and their bounding boxes.
 * A framed region taller than a control, or larger than the area limit, is searched inside its border, so controls
 * on cards and dialogs are found too. It is reported as a picture only when it is a busy photo or its fill differs
 * from its surroundings, and otherwise it is a plain container. A region whose outline is no frame, because closing
 * joined a frame to its neighbours (a field to its label, a dialog to the page it covers), is searched through its
 * holes, where the frame's interior stays open.
 */
@ApplicationScoped
public class RegionFinder {

    /** Pixels between a box's outline and its interior; a 1-pixel line becomes about 3 pixels of gradient. */
    private static final int BORDER_INSET = 4;

    /** Pixels between a box's outline and the area searched for its content. */
    private static final int CONTENT_INSET = 3;

    /** Pixels between the hole inside a frame's closed outline and the outline's outer side. */
    private static final int FRAME_RIM = 2;

    /** Share of its bounding box that the hole inside a frame fills, as a frame's interior is a rectangle. */
    private static final double MIN_FRAME_HOLE_FILL = 0.9;

    /** Smallest share of a joined region's box that a frame found from a hole fills to be taken as a frame. */
    private static final double MIN_FRAME_SHARE = 0.5;

    /** Largest drop-down arrow as a share of its box's height. The gap before the arrow is at least as wide. */
    private static final double MAX_DROPDOWN_ARROW_SHARE = 0.35;

    /** Tallest trailing icon of a field, such as a search field's magnifier, as a share of its box's height. */
    private static final double MAX_FIELD_ICON_SHARE = 0.6;

    /** Regions thinner than this, in pixels, are rules and separators, not elements. */
    private static final int MIN_THICKNESS = 5;

    /** Share of plain fill below which a busy region is a photo rather than a card of text. */
    private static final double MAX_PHOTO_PLAIN_SHARE = 0.5;

    private final VlmConfig.Detector config;
    private final RegionMeasures measures = new RegionMeasures();

    public RegionFinder(VlmConfig config) {
        this.config = config.detector();
    }

    public List<Region> find(Mat gray) {
        try (PointerScope scope = new PointerScope()) {
            Limits limits = limitsFor(gray.cols(), gray.rows());
            Mat edges = edgeMap(gray);

            Mat joined = new Mat();
            Mat joinKernel = getStructuringElement(MORPH_RECT,
                    new Size(limits.joinGapWidth() + 1, limits.joinGapHeight() + 1));
            morphologyEx(edges, joined, MORPH_CLOSE, joinKernel);

            List<Region> regions = new ArrayList<>();
            BoundingBox whole = new BoundingBox(0, 0, gray.cols(), gray.rows());
            search(new Maps(gray, edges, joined), limits, whole, 0, regions);
            return regions;
        }
    }

    /** Returns a binary map (0 or 255) of the pixels whose 3x3 gray range reaches the edge threshold. */
    private Mat edgeMap(Mat gray) {
        Mat gradient = new Mat();
        morphologyEx(gray, gradient, MORPH_GRADIENT, getStructuringElement(MORPH_RECT, new Size(3, 3)));
        Mat edges = new Mat();
        threshold(gradient, edges, config.edgeThreshold() - 1, 255, THRESH_BINARY);
        return edges;
    }

    private void search(Maps maps, Limits limits, BoundingBox area, int depth, List<Region> regions) {
        searchMap(maps, limits, area, new Mat(maps.joined(), toRect(area)).clone(), depth, regions);
    }

    /** Finds the regions in one part of the closed edge map, {@code roi}, whose top-left corner is at area's. */
    private void searchMap(Maps maps, Limits limits, BoundingBox area, Mat roi, int depth, List<Region> regions) {
        MatVector contours = new MatVector();
        findContours(roi, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);

        for (long i = 0; i < contours.size(); i++) {
            Rect rect = boundingRect(contours.get(i));
            BoundingBox box = new BoundingBox(rect.x() + area.x(), rect.y() + area.y(), rect.width(), rect.height());
            // The contour runs through pixel centres, so a rectangle's outline encloses (w - 1) x (h - 1).
            double outlineFill = contourArea(contours.get(i))
                    / Math.max(1.0, (double) (box.width() - 1) * (box.height() - 1));
            consider(maps, limits, box, outlineFill, depth, regions);
        }
    }

    /** Reports, searches or drops one region found as an outer contour of the closed edge map. */
    private void consider(Maps maps, Limits limits, BoundingBox box, double outlineFill, int depth,
                          List<Region> regions) {
        if (isNoise(box, limits)) {
            return;
        }

        boolean framed = measures.borderCoverage(maps.edges(), box) >= config.minBorderCoverage();
        boolean large = box.height() > limits.maxControlHeight() || box.area() > limits.maxArea();
        double edgeDensity = measures.edgeDensity(maps.edges(), box);
        if (framed && large) {
            searchPanel(maps, limits, box, depth, edgeDensity, regions);
            return;
        }
        if (!framed && searchHoles(maps, limits, box, large, depth, regions)) {
            // The region was a frame joined to its neighbours, found again from its interior.
            return;
        }
        if (box.area() > limits.maxArea()) {
            // A huge region without a frame (a photo, or content that closing merged into one blob) is dropped,
            // but for what its holes held: controls on busy content outside any hole are still missed.
            return;
        }

        if (!framed && measures.ringDeviation(maps.gray(), box) > RegionMeasures.MAX_PLAIN_RING_DEVIATION) {
            // An unframed region on an uneven background is a detail of a photo, not a glyph of the interface.
            return;
        }

        if (framed && depth < config.maxNestingDepth()) {
            int[] gap = measures.innerFrameGap(maps.edges(), box, BORDER_INSET, limits.joinGapWidth() + 2,
                    2 * limits.minBoxSide());
            BoundingBox left = gap == null ? null
                    : new BoundingBox(box.x(), box.y(), gap[0] + 1 - box.x(), box.height());
            BoundingBox right = gap == null ? null
                    : new BoundingBox(gap[1] - 1, box.y(), box.right() - gap[1] + 1, box.height());
            // Two frames side by side that closing joined, such as two buttons of a dialog. Each part must be a
            // frame of its own, so that tall letters of a text line are not taken for frame sides.
            if (gap != null && measures.borderCoverage(maps.edges(), left) >= config.minBorderCoverage()
                    && measures.borderCoverage(maps.edges(), right) >= config.minBorderCoverage()) {
                consider(maps, limits, left, 1.0, depth + 1, regions);
                consider(maps, limits, right, 1.0, depth + 1, regions);
                return;
            }
        }

        BoundingBox content = framed ? measures.contentBox(maps.edges(), box, CONTENT_INSET) : null;
        double fillContrast = measures.fillContrast(maps.gray(), box, BORDER_INSET);
        boolean trailingGlyph = framed
                && measures.hasTrailingGlyph(maps.edges(), box, CONTENT_INSET, MAX_DROPDOWN_ARROW_SHARE);
        boolean trailingIcon = framed
                && measures.hasTrailingIcon(maps.edges(), box, CONTENT_INSET, MAX_FIELD_ICON_SHARE);
        double halfContrast = framed ? measures.halfModeContrast(maps.gray(), box, BORDER_INSET) : 0.0;
        regions.add(new Region(withoutGradientRim(box), framed, content, fillContrast, edgeDensity, outlineFill,
                trailingGlyph, trailingIcon, halfContrast, false));
    }

    /**
     * Searches a framed region larger than a control, a card, dialog, panel or picture, and reports the region
     * itself when it is a picture. In a busy region, a photo in practice, only framed regions found inside are
     * kept, such as selection badges, because the unframed ones are details of the photo. A region is a picture
     * when it is a busy photo, or when its fill differs from its surroundings, such as a tile with a camera icon,
     * or when nothing was found inside and it has many edges. A plain container, such as a white card on a light
     * page, is not reported.
     */
    private void searchPanel(Maps maps, Limits limits, BoundingBox box, int depth, double edgeDensity,
                             List<Region> regions) {
        int before = regions.size();
        searchInside(maps, limits, box, depth, regions);
        boolean busy = edgeDensity >= config.imageEdgeDensity()
                && measures.plainShare(maps.gray(), box, RegionMeasures.PLAIN_TOLERANCE) < MAX_PHOTO_PLAIN_SHARE;
        if (busy) {
            List<Region> inside = regions.subList(before, regions.size());
            inside.removeIf(region -> !region.framed());
        }
        boolean holdsElements = regions.size() > before;
        if (box.area() > limits.maxArea()) {
            return;
        }
        double fillContrast = measures.fillContrast(maps.gray(), box, BORDER_INSET);
        boolean distinctFill = Math.abs(fillContrast) >= config.minPanelContrast();
        boolean picture = holdsElements
                ? busy || distinctFill
                : edgeDensity >= config.imageEdgeDensity() || distinctFill;
        if (picture) {
            regions.add(new Region(withoutGradientRim(box), true, null, fillContrast, edgeDensity, 1.0, false, false,
                    0.0, true));
        }
    }

    /**
     * Searches the holes of a region whose outline is not a frame, and returns whether a frame was found among
     * them. Closing joins a frame to text or wallpaper next to it: a field to its label, a dialog to the dimmed
     * page rows it covers. The frame's plain interior then stays a hole in the joined region. A hole whose rim is
     * a frame, and whose frame makes up most of the joined region, is taken as that frame's region. A large frame
     * is a container and is searched inside. A smaller one is a control when it spans the joined region's width,
     * such as a field below its label. In
     * a large region, any other hole large enough to hold a control is searched on its own, with the region's
     * pixels masked out, such as a dialog's interior when the dialog's outline joined a wallpaper. Holes in
     * smaller regions, such as icons and letters, are left alone.
     */
    private boolean searchHoles(Maps maps, Limits limits, BoundingBox box, boolean large, int depth,
                                List<Region> regions) {
        if (depth >= config.maxNestingDepth()
                || box.width() < 2 * limits.minBoxSide() || box.height() < 2 * limits.minBoxSide()) {
            return false;
        }
        Mat roi = new Mat(maps.joined(), toRect(box)).clone();
        MatVector contours = new MatVector();
        Mat hierarchy = new Mat();
        findContours(roi.clone(), contours, hierarchy, RETR_CCOMP, CHAIN_APPROX_SIMPLE);

        int outer = largestOuterContour(contours, hierarchy);
        if (outer < 0) {
            return false;
        }
        boolean frameFound = false;
        Mat erodeKernel = getStructuringElement(MORPH_RECT, new Size(3, 3));
        try (IntIndexer links = hierarchy.createIndexer()) {
            for (int hole = links.get(0, outer, 2); hole >= 0; hole = links.get(0, hole, 0)) {
                Rect rect = boundingRect(contours.get(hole));
                if (rect.width() < 2 * limits.minBoxSide() || rect.height() < 2 * limits.minBoxSide()) {
                    continue;
                }
                BoundingBox frame = new BoundingBox(box.x() + rect.x() - FRAME_RIM, box.y() + rect.y() - FRAME_RIM,
                        rect.width() + 2 * FRAME_RIM, rect.height() + 2 * FRAME_RIM);
                boolean rectangular = contourArea(contours.get(hole)) >= MIN_FRAME_HOLE_FILL * rect.area();
                boolean frameLarge = frame.height() > limits.maxControlHeight() || frame.area() > limits.maxArea();
                boolean spansWidth = frame.x() - box.x() <= BORDER_INSET
                        && box.right() - frame.right() <= BORDER_INSET;
                if (rectangular && box.contains(frame, 0) && frame.area() >= MIN_FRAME_SHARE * box.area()
                        && (frameLarge || spansWidth)
                        && measures.borderCoverage(maps.edges(), frame) >= config.minBorderCoverage()) {
                    if (frameLarge) {
                        // A dialog or card: what touched it from outside shows that it is no picture.
                        searchInside(maps, limits, frame, depth, regions);
                    } else {
                        consider(maps, limits, frame, 1.0, depth + 1, regions);
                    }
                    frameFound = true;
                    continue;
                }
                if (!large) {
                    continue;
                }
                Mat mask = new Mat(roi.size(), CV_8UC1, Scalar.all(0));
                drawContours(mask, contours, hole, Scalar.all(255), FILLED, LINE_8, new Mat(), 0, new Point(0, 0));
                erode(mask, mask, erodeKernel);
                Mat inside = new Mat();
                bitwise_and(roi, mask, inside);
                BoundingBox area = new BoundingBox(box.x() + rect.x(), box.y() + rect.y(), rect.width(),
                        rect.height());
                searchMap(maps, limits, area, new Mat(inside, rect).clone(), depth + 1, regions);
            }
        }
        return frameFound;
    }

    /** Returns the index of the outer contour with the largest bounding box, or -1 when there is none. */
    private static int largestOuterContour(MatVector contours, Mat hierarchy) {
        int largest = -1;
        if (contours.size() == 0) {
            return largest;
        }
        long largestArea = -1;
        try (IntIndexer links = hierarchy.createIndexer()) {
            for (int i = 0; i < contours.size(); i++) {
                if (links.get(0, i, 3) >= 0) {
                    continue;
                }
                Rect rect = boundingRect(contours.get(i));
                long area = (long) rect.width() * rect.height();
                if (area > largestArea) {
                    largestArea = area;
                    largest = i;
                }
            }
        }
        return largest;
    }

    private void searchInside(Maps maps, Limits limits, BoundingBox container, int depth, List<Region> regions) {
        if (depth >= config.maxNestingDepth()
                || container.width() <= 2 * BORDER_INSET || container.height() <= 2 * BORDER_INSET) {
            return;
        }
        BoundingBox interior = new BoundingBox(container.x() + BORDER_INSET, container.y() + BORDER_INSET,
                container.width() - 2 * BORDER_INSET, container.height() - 2 * BORDER_INSET);
        search(maps, limits, interior, depth + 1, regions);
    }

    private static boolean isNoise(BoundingBox box, Limits limits) {
        boolean tiny = box.width() < limits.minBoxSide() && box.height() < limits.minBoxSide();
        boolean thin = box.width() < MIN_THICKNESS || box.height() < MIN_THICKNESS;
        return tiny || thin;
    }

    /**
     * Returns the box without its outermost pixel on each side: the 3x3 gradient also marks the background pixel
     * next to an outline, so contour boxes are one pixel too large all round.
     */
    private static BoundingBox withoutGradientRim(BoundingBox box) {
        return new BoundingBox(box.x() + 1, box.y() + 1, box.width() - 2, box.height() - 2);
    }

    private Limits limitsFor(int width, int height) {
        int shorterSide = Math.min(width, height);
        return new Limits(
                Math.max(1, (int) Math.round(config.joinGapWidthFraction() * shorterSide)),
                Math.max(1, (int) Math.round(config.joinGapHeightFraction() * shorterSide)),
                Math.max(MIN_THICKNESS, (int) Math.round(config.minBoxSideFraction() * shorterSide)),
                config.maxControlHeightFraction() * height,
                config.maxBoxAreaFraction() * width * height);
    }

    static Rect toRect(BoundingBox box) {
        return new Rect(box.x(), box.y(), box.width(), box.height());
    }

    /** The gray image, its edge map and the edge map after closing, all of one size. */
    private record Maps(Mat gray, Mat edges, Mat joined) {
    }

    /** The configured fractions turned into pixels for one image. */
    private record Limits(int joinGapWidth, int joinGapHeight, int minBoxSide, double maxControlHeight,
                          double maxArea) {
    }
}
