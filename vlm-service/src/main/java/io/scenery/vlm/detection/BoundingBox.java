package io.scenery.vlm.detection;

/** An axis-aligned box in image pixels; x and y are the top-left corner. */
public record BoundingBox(int x, int y, int width, int height) {

    public BoundingBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must not be negative, got " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    public long intersectionArea(BoundingBox other) {
        long overlapWidth = Math.min(right(), other.right()) - Math.max(x, other.x);
        long overlapHeight = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        if (overlapWidth <= 0 || overlapHeight <= 0) {
            return 0;
        }
        return overlapWidth * overlapHeight;
    }

    /** Returns the intersection over union of the two boxes, 0 when they do not overlap. */
    public double iou(BoundingBox other) {
        long intersection = intersectionArea(other);
        if (intersection == 0) {
            return 0.0;
        }
        return (double) intersection / (area() + other.area() - intersection);
    }

    /** Returns whether the other box lies inside this one, allowing it to stick out by up to tolerance pixels. */
    public boolean contains(BoundingBox other, int tolerance) {
        return other.x >= x - tolerance
                && other.y >= y - tolerance
                && other.right() <= right() + tolerance
                && other.bottom() <= bottom() + tolerance;
    }

    public boolean containsCenterOf(BoundingBox other) {
        return other.centerX() >= x && other.centerX() <= right()
                && other.centerY() >= y && other.centerY() <= bottom();
    }

    /** Returns the part of this box inside an image of the given size, with no width or height when none is. */
    public BoundingBox clippedTo(int imageWidth, int imageHeight) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(imageWidth, right());
        int bottom = Math.min(imageHeight, bottom());
        return new BoundingBox(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /** Returns the smallest box that covers both boxes. */
    public BoundingBox union(BoundingBox other) {
        int left = Math.min(x, other.x);
        int top = Math.min(y, other.y);
        return new BoundingBox(left, top, Math.max(right(), other.right()) - left,
                Math.max(bottom(), other.bottom()) - top);
    }
}
