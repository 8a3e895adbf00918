package io.scenery.slicer.service;

/** Receives the progress of one slicing run and tells it whether to stop. */
public interface SlicingListener {

    /**
     * Called after every decoded frame; implementations throttle what they publish.
     *
     * @param framesExpected frames the header suggests, 0 when unknown
     */
    void progress(long framesDecoded, long framesExpected);

    /** Returns true when the task was cancelled; called every few frames, so it may do I/O. */
    boolean cancelRequested();
}
