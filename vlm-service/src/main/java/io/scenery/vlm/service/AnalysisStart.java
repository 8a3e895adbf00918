package io.scenery.vlm.service;

import java.util.UUID;

/** The outcome of {@link AnalysisStore#start}: whether the caller runs the analysis now. */
public sealed interface AnalysisStart {

    /** An analysis that the caller took over under a new run id and must run. */
    record Started(UUID analysisId) implements AnalysisStart {
    }

    /** An analysis that is COMPLETED over the same scenes already and must not run again. */
    record AlreadyCompleted() implements AnalysisStart {
    }
}
