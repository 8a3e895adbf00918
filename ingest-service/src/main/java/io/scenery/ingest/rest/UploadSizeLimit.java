package io.scenery.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.scenery.ingest.config.IngestConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * Rejects an upload whose declared Content-Length exceeds {@code scenery.ingest.max-upload-size} with a JSON
 * 413, before any byte of the body is read. Quarkus enforces the same limit (quarkus.http.limits.max-body-size) one
 * step later, with an empty body.
 *
 * <p>NOTE: a chunked upload declares no length. Quarkus REST stops reading it once it passes the limit and
 * responds 413 with an empty body and a closed connection, which this class cannot replace.
 */
@ApplicationScoped
public class UploadSizeLimit {

    /** Runs before the Quarkus body size check, which the HTTP layer registers with route order -2. */
    private static final int ROUTE_ORDER = -3;
    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final String UPLOAD_PATH = "/api/v1/videos";

    private final ObjectMapper objectMapper;
    private final long limit;

    public UploadSizeLimit(ObjectMapper objectMapper, IngestConfig config) {
        this.objectMapper = objectMapper;
        this.limit = config.maxUploadSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, UPLOAD_PATH).order(ROUTE_ORDER)
                .handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }

        Log.infof("Rejected an upload of %d bytes, over the limit of %d bytes", length, limit);
        reject(context, ApiError.of("request body of " + length + " bytes is larger than the upload limit of "
                + limit + " bytes; send a smaller video", "file", Long.toString(length)));
    }

    private void reject(RoutingContext context, ApiError error) {
        String body;
        try {
            body = objectMapper.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the upload size error as JSON", e);
        }

        // The rest of the body is never read, so the connection cannot be reused and closes after the response.
        context.response()
                .setStatusCode(PAYLOAD_TOO_LARGE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .endHandler(ignored -> context.request().connection().close())
                .end(body);
    }
}
