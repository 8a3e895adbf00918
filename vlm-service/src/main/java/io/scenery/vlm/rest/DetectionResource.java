package io.scenery.vlm.rest;

import io.quarkus.logging.Log;
import io.scenery.events.DetectType;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.ElementDetector;
import io.scenery.vlm.detection.InvalidImageException;
import io.scenery.vlm.vision.InvalidReplyException;
import io.scenery.vlm.vision.ModelCallException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Detects elements in one uploaded image and returns them at once, without storing anything. */
@Path("/api/v1/detections")
public class DetectionResource {

    private final ElementDetector detector;

    public DetectionResource(ElementDetector detector) {
        this.detector = detector;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detects UI elements in a PNG or JPEG image sent as the multipart field 'file'")
    @APIResponse(responseCode = "200", description = "The elements found, in image pixels")
    @APIResponse(responseCode = "400", description = "The file is missing or not a PNG or JPEG image, or the "
            + "detect type is unknown")
    @APIResponse(responseCode = "502", description = "The configured vision model failed or its reply contains "
            + "no JSON")
    public DetectionView detect(@RestForm("file") FileUpload file, @RestForm("detectType") String detectType) {
        DetectType type = detectType == null || detectType.isBlank()
                ? DetectType.CONTROL
                : RequestParameters.detectType(detectType);
        if (file == null) {
            throw ErrorResponse.badRequest("the multipart field 'file' is missing; send the image as a form field "
                    + "named file");
        }

        byte[] encoded = read(file);
        try (DecodedImage image = DecodedImage.decode(encoded)) {
            List<DetectedElement> elements = detector.detect(image, type);
            Log.infof("Detected %d %s elements in upload '%s' (%dx%d)", elements.size(), type.wireName(),
                    file.fileName(), image.width(), image.height());
            return new DetectionView(type, image.width(), image.height(),
                    elements.stream().map(ElementView::of).toList());
        } catch (InvalidImageException e) {
            throw ErrorResponse.badRequest("file '" + file.fileName() + "' was rejected: " + e.getMessage());
        } catch (ModelCallException | InvalidReplyException e) {
            Log.warnf("Detection in upload '%s' failed at the vision model: %s", file.fileName(), e.getMessage());
            throw ErrorResponse.badGateway(e.getMessage() + "; retry later or use the offline detector");
        }
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file '" + file.fileName() + "'", e);
        }
    }
}
