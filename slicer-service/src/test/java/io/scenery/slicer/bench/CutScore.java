package io.scenery.slicer.bench;

import java.util.List;

/**
 * Precision, recall and F1 of detected cuts against true cuts, both as frame numbers. A detection matches at most
 * one true cut within the tolerance, nearest first.
 */
record CutScore(int truth, int detected, int matched) {

    static CutScore of(List<Integer> truthFrames, List<Integer> detectedFrames, int toleranceFrames) {
        boolean[] used = new boolean[detectedFrames.size()];
        int matched = 0;
        for (int cut : truthFrames) {
            int best = -1;
            for (int i = 0; i < detectedFrames.size(); i++) {
                int distance = Math.abs(detectedFrames.get(i) - cut);
                if (!used[i] && distance <= toleranceFrames
                        && (best < 0 || distance < Math.abs(detectedFrames.get(best) - cut))) {
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            }
        }
        return new CutScore(truthFrames.size(), detectedFrames.size(), matched);
    }

    CutScore plus(CutScore other) {
        return new CutScore(truth + other.truth, detected + other.detected, matched + other.matched);
    }

    /** Returns matched / detected; with no detections it is 1 when there was nothing to find, else 0. */
    double precision() {
        if (detected > 0) {
            return (double) matched / detected;
        }
        return truth == 0 ? 1 : 0;
    }

    double recall() {
        return truth == 0 ? 1 : (double) matched / truth;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String format() {
        return String.format(java.util.Locale.ROOT, "P %.3f R %.3f F1 %.3f (%d/%d/%d)", precision(), recall(), f1(),
                matched, detected, truth);
    }
}
