package io.scenery.vlm.config;

/** Policy for an analysis when one of its scenes fails. */
public enum FailurePolicy {
    /** The scene is recorded with its error and the analysis completes with partial results flagged. */
    PARTIAL,
    /** The analysis fails on the first failed scene. */
    FAIL
}
