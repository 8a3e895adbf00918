package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of a request to analyse a task's scenes. Scene ids are strings here, so that an invalid one gets an
 * error that names it.
 */
@RegisterForReflection
@Schema(name = "AnalysisRequest", description = "The analysis to run over a task's scenes")
public record AnalysisRequestBody(
        @Schema(required = true, enumeration = {"control", "text", "all"}, example = "control",
                description = "What to look for: controls, text lines or both")
        String detectType,
        @Schema(description = "Scenes to analyse, as UUIDs of the task's scenes; omit it to analyse all of them",
                example = "[\"6c1f1f0e-2b7d-4c8e-9a51-3d2f4b6a7c10\"]")
        List<String> sceneIds) {
}
