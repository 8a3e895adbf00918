package io.scenery.ingest.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.AuditEvent;
import io.scenery.events.SlicingParameters;
import io.scenery.events.VideoUploaded;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.rest.ApiError;

/**
 * Types that Jackson reads or writes outside Quarkus REST, which registers only the types of resource methods:
 * Kafka payloads, Redis progress messages and the Server-Sent Events data. A native image needs them registered.
 */
@RegisterForReflection(targets = {AnalysisProgress.class, AuditEvent.class, SlicingParameters.class,
        VideoUploaded.class, TaskView.class, ApiError.class})
public class JsonReflection {
}
