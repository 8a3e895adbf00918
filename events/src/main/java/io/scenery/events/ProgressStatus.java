package io.scenery.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of one stage of one task, as carried by {@link AnalysisProgress}. */
public enum ProgressStatus {
    @JsonProperty("started")
    STARTED,
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("cancelled")
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
