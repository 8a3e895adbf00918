package io.scenery.slicer.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SceneDetectorTest {

    private final SceneDetector detector = new SceneDetector(6.0, 1.0, 0.01, 0.25, 3);

    @Test
    void motionAboveThresholdCuts() {
        assertThat(detector.isCut(6.1, 2.0)).isTrue();
    }

    @Test
    void motionAtThresholdDoesNotCut() {
        assertThat(detector.isCut(6.0, 2.0)).isFalse();
    }

    @Test
    void cutWithinMinSceneIgnored() {
        assertThat(detector.isCut(100.0, 0.99)).isFalse();
        assertThat(detector.isCut(100.0, 1.0)).isTrue();
    }
}
