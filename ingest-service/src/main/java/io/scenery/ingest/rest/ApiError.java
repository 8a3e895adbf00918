package io.scenery.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * Body of every error response.
 *
 * @param error  what went wrong and what to do about it
 * @param field  the request field or path parameter at fault, if any
 * @param value  the rejected value, if any
 * @param taskId the task concerned, set when the request created or addressed one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String value, UUID taskId) {

    public static ApiError of(String error) {
        return new ApiError(error, null, null, null);
    }

    public static ApiError of(String error, String field, String value) {
        return new ApiError(error, field, value, null);
    }
}
