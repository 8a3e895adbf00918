package io.scenery.slicer.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-frame statistics of one slicing run: presentation time, motion against the previous frame, changed area and
 * whether the frame starts a scene. Kept in primitive arrays, about 25 bytes per frame.
 */
final class FrameLog {

    static final String HEADER = "frame,seconds,motion,changed_area,cut";

    private double[] seconds = new double[1024];
    private float[] motion = new float[1024];
    private float[] changedArea = new float[1024];
    private boolean[] cut = new boolean[1024];
    private int size;

    void add(int frameNumber, double frameSeconds, FrameDifference difference) {
        if (frameNumber != size) {
            throw new IllegalArgumentException("frame " + frameNumber + " logged after " + size + " frames");
        }
        if (size == seconds.length) {
            int capacity = size * 2;
            seconds = Arrays.copyOf(seconds, capacity);
            motion = Arrays.copyOf(motion, capacity);
            changedArea = Arrays.copyOf(changedArea, capacity);
            cut = Arrays.copyOf(cut, capacity);
        }
        seconds[size] = frameSeconds;
        motion[size] = (float) difference.motion();
        changedArea[size] = (float) difference.changedArea();
        size++;
    }

    void markCut(int frameNumber) {
        cut[frameNumber] = true;
    }

    void unmarkCut(int frameNumber) {
        cut[frameNumber] = false;
    }

    int size() {
        return size;
    }

    /** Returns the statistics as CSV with a header line; motion and changed area rounded to 4 decimals. */
    byte[] toCsv() {
        StringBuilder csv = new StringBuilder(HEADER.length() + 40 * size).append(HEADER).append('\n');
        for (int i = 0; i < size; i++) {
            csv.append(i).append(',')
                    .append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f", seconds[i], motion[i], changedArea[i]))
                    .append(',').append(cut[i] ? 1 : 0).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
