package io.scenery.vlm.config;

/** When the detector applies the layout rules of touch screens: status bar, touch targets and list rows. */
public enum TouchLayoutMode {
    /** On portrait images, which are phone screens in practice. */
    AUTO,
    ALWAYS,
    NEVER
}
