package io.scenery.vlm.detection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlLabelerTest {

    @Test
    void leadingIconLetterDropped() {
        assertThat(ControlLabeler.withoutLeadingGlyph("o Apply")).isEqualTo("Apply");
        assertThat(ControlLabeler.withoutLeadingGlyph("V Save changes")).isEqualTo("Save changes");
        assertThat(ControlLabeler.withoutLeadingGlyph("国 Settings")).isEqualTo("Settings");
    }

    @Test
    void plainLabelKept() {
        assertThat(ControlLabeler.withoutLeadingGlyph("Apply")).isEqualTo("Apply");
        assertThat(ControlLabeler.withoutLeadingGlyph("x")).isEqualTo("x");
        assertThat(ControlLabeler.withoutLeadingGlyph("3 files")).isEqualTo("3 files");
        assertThat(ControlLabeler.withoutLeadingGlyph("All Settings")).isEqualTo("All Settings");
    }
}
