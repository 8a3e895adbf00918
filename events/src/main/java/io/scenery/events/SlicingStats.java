package io.scenery.events;

/**
 * Statistics of one slicing run.
 *
 * @param framesDecoded   video frames decoded and analysed
 * @param decodeErrors    damaged packets or frames skipped
 * @param seconds         wall-clock time of the run, in seconds
 * @param framesPerSecond framesDecoded divided by seconds
 * @param width           decoded frame width in pixels
 * @param height          decoded frame height in pixels
 * @param durationSeconds timestamp of the end of the last decoded frame, in seconds
 */
public record SlicingStats(
        long framesDecoded,
        long decodeErrors,
        double seconds,
        double framesPerSecond,
        int width,
        int height,
        double durationSeconds) {
}
