package io.scenery.vlm.detection;

/**
 * A candidate element found by {@link RegionFinder}: one connected group of edges, before it is typed.
 *
 * @param framed       whether edges run along most of the box outline, as around a button, field or checkbox
 * @param content      bounding box of the edges inside a framed region's border, null when it is empty or unframed
 * @param fillContrast mean gray inside the box minus mean gray just outside it, on the 0-255 scale
 * @param edgeDensity  share of the box's pixels that are edges (0 to 1)
 * @param panel        whether the region is a framed, filled panel larger than a control with elements inside, such
 *                     as a picture tile with a badge or a coloured card; its elements are regions of their own
 */
public record Region(BoundingBox box, boolean framed, BoundingBox content, double fillContrast, double edgeDensity,
                     boolean panel) {
}
