package io.scenery.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The pipeline stage a progress event reports on. */
public enum Stage {
    @JsonProperty("slicing")
    SLICING,
    @JsonProperty("analysis")
    ANALYSIS
}
