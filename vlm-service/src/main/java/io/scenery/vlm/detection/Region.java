package io.scenery.vlm.detection;

/**
 * A candidate element found by {@link RegionFinder}: one connected group of edges, before it is typed.
 *
 * @param framed       whether edges run along most of the box outline, as around a button, field or checkbox
 * @param content      bounding box of the edges inside a framed region's border, null when it is empty or unframed
 * @param fillContrast mean gray inside the box minus mean gray just outside it, on the 0-255 scale
 * @param edgeDensity  share of the box's pixels that are edges (0 to 1)
 * @param outlineFill  share of the box inside the region's outer outline: 1 for a rectangle, about 0.79 (pi / 4) for
 *                     a circle
 * @param trailingGlyph whether a framed region ends in a small glyph set apart from its other content, as the arrow
 *                     of a drop-down list
 * @param trailingIcon whether a framed region contains text at its left and, far right of it, a square icon, as a
 *                     search field's magnifier
 * @param halfContrast most common gray of the left half inside the border minus that of the right half, on the
 *                     0-255 scale; 0 for unframed regions
 * @param panel        whether the region is a framed panel larger than a control that is reported as a picture, such
 *                     as a photo or a tile whose fill differs from its surroundings. Elements found inside it are
 *                     regions of their own.
 */
public record Region(BoundingBox box, boolean framed, BoundingBox content, double fillContrast, double edgeDensity,
                     double outlineFill, boolean trailingGlyph, boolean trailingIcon, double halfContrast,
                     boolean panel) {
}
