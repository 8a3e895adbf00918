package io.scenery.slicer.service;

/** Raised when the task's cancel flag was found set while slicing. */
public class SlicingCancelledException extends Exception {

    public SlicingCancelledException(long framesDecoded) {
        super("slicing cancelled after " + framesDecoded + " frames");
    }
}
