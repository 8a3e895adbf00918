package io.scenery.slicer.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MotionMeterTest {

    @Test
    void equalImagesHaveNoMotion() {
        byte[] image = {10, 20, (byte) 200};
        assertThat(MotionMeter.meanAbsoluteDifference(image, image.clone())).isZero();
    }

    @Test
    void differenceIsMeanOnByteScale() {
        byte[] black = {0, 0, 0, 0};
        byte[] mixed = {(byte) 255, (byte) 255, 0, 10};
        assertThat(MotionMeter.meanAbsoluteDifference(black, mixed)).isEqualTo(130.0);
    }

    @Test
    void sizeChangeIsMaximumMotion() {
        assertThat(MotionMeter.meanAbsoluteDifference(new byte[4], new byte[6]))
                .isEqualTo(MotionMeter.SIZE_CHANGE_MOTION);
    }
}
