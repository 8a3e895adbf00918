package io.scenery.slicer.service;

/** Measures how much the picture changed between two gray images of {@link LumaSampler}. */
final class MotionMeter {

    /** Motion reported when the frame size changes, which always shows a different picture. */
    static final double SIZE_CHANGE_MOTION = 255.0;

    private MotionMeter() {
    }

    /** Returns the mean absolute difference of the two images' pixels, from 0 (equal) to 255. */
    static double meanAbsoluteDifference(byte[] previous, byte[] current) {
        if (previous.length != current.length) {
            return SIZE_CHANGE_MOTION;
        }
        long sum = 0;
        for (int i = 0; i < current.length; i++) {
            sum += Math.abs((current[i] & 0xff) - (previous[i] & 0xff));
        }
        return current.length == 0 ? 0.0 : (double) sum / current.length;
    }

    /**
     * Returns the mean absolute difference of the two images and the fraction of pixels whose values differ by more
     * than {@code pixelThreshold}, in one pass.
     */
    static FrameDifference compare(byte[] previous, byte[] current, int pixelThreshold) {
        if (previous.length != current.length) {
            return new FrameDifference(SIZE_CHANGE_MOTION, 1.0);
        }
        if (current.length == 0) {
            return new FrameDifference(0.0, 0.0);
        }
        long sum = 0;
        int changed = 0;
        for (int i = 0; i < current.length; i++) {
            int delta = Math.abs((current[i] & 0xff) - (previous[i] & 0xff));
            sum += delta;
            if (delta > pixelThreshold) {
                changed++;
            }
        }
        return new FrameDifference((double) sum / current.length, (double) changed / current.length);
    }
}
