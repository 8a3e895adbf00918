package io.scenery.vlm.service;

import io.scenery.vlm.AnalysisStatus;

import java.time.Instant;
import java.util.UUID;

/** The outcome of {@link AnalysisStore#start}: whether the caller runs the analysis now. */
public sealed interface AnalysisStart {

    /** An analysis that the caller took over under a new run id and must run. */
    record Started(UUID analysisId) implements AnalysisStart {
    }

    /** An analysis that is COMPLETED over the same scenes already and must not run again. */
    record AlreadyCompleted() implements AnalysisStart {
    }

    /**
     * An analysis that another run owns and may still be working on. It is PENDING or RUNNING under that run's id
     * and was updated within the stale-after time.
     *
     * @param status    PENDING or RUNNING
     * @param runId     the id of the owning run
     * @param updatedAt the time of the owning run's last update
     */
    record OwnedByLiveRun(AnalysisStatus status, UUID runId, Instant updatedAt) implements AnalysisStart {
    }
}
