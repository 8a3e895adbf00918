package io.scenery.slicer;

import io.scenery.events.SlicingStats;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The slicing of one task: its state, statistics once completed, and the reason once failed. */
@Entity
@Table(name = "slicing_run")
public class SlicingRun {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "video_id")
    public UUID videoId;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    /** How many times a video-uploaded record started this run. */
    public int attempts;

    @Column(name = "scene_count")
    public Integer sceneCount;

    @Column(name = "frames_decoded")
    public Long framesDecoded;

    @Column(name = "decode_errors")
    public Long decodeErrors;

    @Column(name = "elapsed_seconds")
    public Double elapsedSeconds;

    @Column(name = "frames_per_second")
    public Double framesPerSecond;

    public Integer width;

    public Integer height;

    @Column(name = "duration_seconds")
    public Double durationSeconds;

    /** Machine-readable failure type, for example {@code NoVideoStream} or {@code InternalError}. */
    @Column(name = "error_type")
    public String errorType;

    /** Failure reason for the user. */
    public String error;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Returns the statistics of a completed run, or null before completion. */
    public SlicingStats stats() {
        if (framesDecoded == null) {
            return null;
        }
        return new SlicingStats(framesDecoded, decodeErrors, elapsedSeconds, framesPerSecond, width, height,
                durationSeconds);
    }

    public void stats(SlicingStats stats) {
        framesDecoded = stats.framesDecoded();
        decodeErrors = stats.decodeErrors();
        elapsedSeconds = stats.seconds();
        framesPerSecond = stats.framesPerSecond();
        width = stats.width();
        height = stats.height();
        durationSeconds = stats.durationSeconds();
    }
}
