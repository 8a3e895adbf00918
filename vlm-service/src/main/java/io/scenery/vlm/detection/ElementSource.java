package io.scenery.vlm.detection;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The method that found an element: image processing, text recognition or a vision-language model. */
public enum ElementSource {
    CV,
    OCR,
    VLM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code ocr}, as stored in the database. */
    public static ElementSource fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
