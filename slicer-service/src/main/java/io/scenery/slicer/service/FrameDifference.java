package io.scenery.slicer.service;

/**
 * How much one gray image differs from another.
 *
 * @param motion      mean absolute difference of the pixels, 0 to 255
 * @param changedArea fraction of pixels, 0 to 1, that differ by more than the pixel threshold
 */
record FrameDifference(double motion, double changedArea) {
}
