package io.scenery.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kind of element an analysis looks for in a keyframe. */
public enum DetectType {
    /** Interactive UI controls: buttons, inputs, checkboxes and the like. */
    CONTROL,
    /** Text lines found by OCR. */
    TEXT,
    /** Controls and text together. */
    ALL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name such as {@code control}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones when it is unknown
     */
    @JsonCreator
    public static DetectType parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (DetectType type : values()) {
            if (type.name().equals(normalized)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown detect type '" + value + "'; expected one of: " + acceptedValues());
    }

    public static String acceptedValues() {
        return Arrays.stream(values()).map(DetectType::wireName).collect(Collectors.joining(", "));
    }
}
