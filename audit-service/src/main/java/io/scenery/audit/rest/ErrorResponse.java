package io.scenery.audit.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a 4xx response. */
@RegisterForReflection
@Schema(name = "Error", description = "Why the request was rejected")
public record ErrorResponse(
        @Schema(description = "The request parameter that was wrong, or null") String parameter,
        @Schema(description = "What was wrong, with the value and how to fix it") String message) {
}
