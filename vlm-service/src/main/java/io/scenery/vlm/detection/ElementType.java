package io.scenery.vlm.detection;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The kind of UI element a detector reports. */
public enum ElementType {
    BUTTON,
    INPUT,
    CHECKBOX,
    RADIO,
    SWITCH,
    DROPDOWN,
    LINK,
    TAB,
    /** A small glyph without a frame, often a tap target in toolbars. */
    ICON,
    /** A picture or any large region with dense content that is not a control. */
    IMAGE,
    TEXT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code button}, as stored in the database. */
    public static ElementType fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
