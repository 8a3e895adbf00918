package io.scenery.slicer.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.AuditEvent;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.SlicingParameters;
import io.scenery.events.SlicingStats;
import io.scenery.events.VideoUploaded;

/** Registers the Kafka payloads that Jackson reads and writes, for native images. */
@RegisterForReflection(targets = {VideoUploaded.class, SlicingParameters.class, ScenesReady.class, SceneRef.class,
        SlicingStats.class, AnalysisProgress.class, AuditEvent.class})
public class EventReflection {
}
