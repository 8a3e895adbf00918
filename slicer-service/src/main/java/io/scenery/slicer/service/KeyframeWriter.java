package io.scenery.slicer.service;

import io.quarkus.logging.Log;
import io.scenery.storage.BlobStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes the keyframes and frame statistics of one slicing run and can remove them again when the run does not complete. */
final class KeyframeWriter {

    private final BlobStore blobs;
    private final UUID taskId;
    private final List<String> written = new ArrayList<>();

    KeyframeWriter(BlobStore blobs, UUID taskId) {
        this.blobs = blobs;
        this.taskId = taskId;
    }

    /** Returns the blob key of a scene's keyframe: {@code keyframes/<taskId>/<sceneNumber>.jpg}. */
    static String key(UUID taskId, int sceneNumber) {
        return "keyframes/" + taskId + "/" + sceneNumber + ".jpg";
    }

    String write(int sceneNumber, byte[] jpeg) throws IOException {
        String key = key(taskId, sceneNumber);
        blobs.write(key, jpeg);
        written.add(key);
        return key;
    }

    /** Returns the blob key of a run's per-frame statistics: {@code keyframes/<taskId>/frames.csv}. */
    static String frameStatsKey(UUID taskId) {
        return "keyframes/" + taskId + "/frames.csv";
    }

    /** Writes the run's per-frame statistics as CSV next to the keyframes; deleted with them. */
    String writeFrameStats(byte[] csv) throws IOException {
        String key = frameStatsKey(taskId);
        blobs.write(key, csv);
        written.add(key);
        return key;
    }

    /** Deletes every keyframe this writer wrote; failures are logged, because this runs while handling another error. */
    void deleteWritten() {
        for (String key : written) {
            try {
                blobs.delete(key);
            } catch (IOException e) {
                Log.warnf(e, "Could not delete keyframe %s of task %s", key, taskId);
            }
        }
        written.clear();
    }
}
