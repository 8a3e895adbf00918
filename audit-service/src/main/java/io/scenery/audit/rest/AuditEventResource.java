package io.scenery.audit.rest;

import io.scenery.audit.config.AuditConfig;
import io.scenery.audit.repository.AuditEventFilter;
import io.scenery.audit.repository.AuditEventRepository;
import io.scenery.audit.repository.EventPosition;
import io.scenery.audit.repository.StoredAuditEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Queries the audit log. Runs on worker threads, because the repository uses blocking JDBC. */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit events", description = "Actions recorded by every Scenery service")
public class AuditEventResource {

    private final AuditEventRepository repository;
    private final AuditConfig config;

    public AuditEventResource(AuditEventRepository repository, AuditConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @GET
    @Operation(summary = "List audit events",
            description = "Returns audit events that match every given filter, ordered by (occurredAt, eventId). "
                    + "Blank filters are ignored. Follow nextCursor with the 'after' parameter to read further pages.")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(schema = @Schema(implementation = AuditEventPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter has an invalid value",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public AuditEventPage list(
            @Parameter(description = "Task id, matched exactly against the event target")
            @QueryParam("taskId") String taskId,
            @Parameter(description = "OpenTelemetry trace id") @QueryParam("traceId") String traceId,
            @Parameter(description = "Action, for example slicing.finished") @QueryParam("action") String action,
            @Parameter(description = "Publishing service, for example slicer-service")
            @QueryParam("service") String service,
            @Parameter(description = "Outcome, for example success or failed:TimeoutException")
            @QueryParam("outcome") String outcome,
            @Parameter(description = "Inclusive lower bound of occurredAt, ISO-8601 with offset, "
                    + "for example 2025-01-31T12:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Exclusive upper bound of occurredAt, ISO-8601 with offset")
            @QueryParam("to") String to,
            @Parameter(description = "Page size, from 1 to scenery.audit.max-page-size (1000 unless configured); "
                    + "scenery.audit.default-page-size (100 unless configured) when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor: the nextCursor of the previous page") @QueryParam("after")
            String after) throws SQLException {
        String task = parseTaskId(taskId);
        Instant occurredFrom = parseInstant("from", from);
        Instant occurredUntil = parseInstant("to", to);
        if (occurredFrom != null && occurredUntil != null && !occurredFrom.isBefore(occurredUntil)) {
            throw new InvalidQueryException("to", to, "it must be later than from (" + from + ")");
        }
        int pageSize = parseLimit(limit);
        EventPosition position = isBlank(after) ? null : PageCursor.decode(after);

        AuditEventFilter filter = new AuditEventFilter(task, blankToNull(traceId),
                blankToNull(action), blankToNull(service), blankToNull(outcome), occurredFrom, occurredUntil);

        // Reading one row more than the page size shows whether another page exists, without a count query.
        List<StoredAuditEvent> rows = repository.find(filter, position, pageSize + 1);
        if (rows.size() <= pageSize) {
            return new AuditEventPage(rows, null);
        }
        List<StoredAuditEvent> items = rows.subList(0, pageSize);
        return new AuditEventPage(List.copyOf(items), PageCursor.encode(items.get(pageSize - 1).position()));
    }

    private int parseLimit(String limit) {
        if (isBlank(limit)) {
            return config.defaultPageSize();
        }
        int maximum = config.maxPageSize();
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= maximum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new InvalidQueryException("limit", limit, "it must be a whole number from 1 to " + maximum);
    }

    /** Returns the task id in its canonical lowercase form, as the services write it, or null when blank. */
    private static String parseTaskId(String taskId) {
        if (isBlank(taskId)) {
            return null;
        }
        try {
            return UUID.fromString(taskId.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("taskId", taskId,
                    "it must be a UUID, for example 3f2b8c1e-9d4a-4e7b-8a61-2c5d9e0f1a7b");
        }
    }

    private static Instant parseInstant(String parameter, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, value,
                    "it must be an ISO-8601 date-time with an offset, for example 2025-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
