package io.scenery.vlm.config;

/** The granularity of text elements. */
public enum OcrLevel {
    WORD,
    LINE
}
