package io.scenery.vlm.config;

/** The coordinate convention of the boxes a vision model writes. */
public enum BoxScale {
    /** Absolute pixels of the image the model was sent. */
    PIXELS,
    /** Fractions of the image's width and height, 0 to 1. */
    UNIT,
    /** Thousandths of the image's width and height, 0 to 1000. */
    PER_MILLE
}
