package io.scenery.slicer.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyframeEncoderTest {

    @Test
    void displayRotationToClockwise() {
        // FFmpeg reports rotations counterclockwise: -90 means a player turns the picture 90 degrees clockwise.
        assertThat(KeyframeEncoder.clockwiseDegrees(0.0)).isZero();
        assertThat(KeyframeEncoder.clockwiseDegrees(-90.0)).isEqualTo(90);
        assertThat(KeyframeEncoder.clockwiseDegrees(90.0)).isEqualTo(270);
        assertThat(KeyframeEncoder.clockwiseDegrees(180.0)).isEqualTo(180);
        assertThat(KeyframeEncoder.clockwiseDegrees(-180.0)).isEqualTo(180);
        assertThat(KeyframeEncoder.clockwiseDegrees(-89.6)).isEqualTo(90);
    }
}
