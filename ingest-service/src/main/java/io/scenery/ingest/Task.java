package io.scenery.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.scenery.events.DetectType;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The processing of one uploaded video, with the progress folded from {@code analysis-progress} events. */
@Entity
@Table(name = "tasks")
public class Task {

    @Id
    public UUID id;

    @Column(name = "video_id", nullable = false)
    public UUID videoId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    /** Wire name of the stage that sent the last accepted event ({@code slicing} or {@code analysis}), or null. */
    public String stage;

    /** Progress of the current stage, 0 to 100. */
    public double percent;

    public long processed;

    public long total;

    @Column(name = "scene_count")
    public Integer sceneCount;

    /** Requested detect types as comma-separated wire names. */
    @Column(name = "detect_types", nullable = false)
    public String detectTypes;

    /** Detect types whose analysis completed, as comma-separated wire names. */
    @Column(name = "analysed_types", nullable = false)
    public String analysedTypes = "";

    public Double threshold;

    @Column(name = "min_scene_seconds")
    public Double minSceneSeconds;

    @Column(name = "min_changed_area")
    public Double minChangedArea;

    @Column(name = "min_scene_area")
    public Double minSceneArea;

    @Column(name = "settle_frames")
    public Integer settleFrames;

    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Time of the last accepted progress event, or of the upload; the watchdog fails tasks where it gets old. */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public List<DetectType> requestedDetectTypes() {
        return List.copyOf(parseTypes(detectTypes));
    }

    /**
     * Records that the analysis for one detect type completed and returns whether every requested type is done now.
     * A null type means an analysis that covered all requested types.
     */
    public boolean markAnalysed(DetectType type) {
        Set<DetectType> analysed = parseTypes(analysedTypes);
        if (type == null) {
            analysed.addAll(requestedDetectTypes());
        } else {
            analysed.add(type);
        }
        analysedTypes = joinTypes(analysed);
        return analysed.containsAll(requestedDetectTypes());
    }

    public static String joinTypes(Collection<DetectType> types) {
        return types.stream().map(DetectType::wireName).collect(Collectors.joining(","));
    }

    private static Set<DetectType> parseTypes(String joined) {
        Set<DetectType> types = new LinkedHashSet<>();
        if (joined == null || joined.isBlank()) {
            return types;
        }
        Arrays.stream(joined.split(",")).map(DetectType::parse).forEach(types::add);
        return types;
    }
}
