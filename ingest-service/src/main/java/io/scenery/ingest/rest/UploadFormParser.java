package io.scenery.ingest.rest;

import io.scenery.events.DetectType;
import io.scenery.events.SlicingParameters;
import io.scenery.ingest.service.UploadRequest;
import io.scenery.ingest.service.VideoFormat;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validates an {@link UploadForm}; every rejection is a 400 {@link ApiException} naming the part and value. */
final class UploadFormParser {

    private static final int MAX_DISPLAY_NAME_CHARS = 255;

    private UploadFormParser() {
    }

    static UploadRequest parse(UploadForm form) throws IOException {
        FileUpload file = form.file;
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("missing form part 'file'; send the video as a multipart/form-data file"
                    + " part named 'file'", "file", null);
        }

        List<DetectType> detectTypes = parseDetectTypes(form.detectTypes);
        SlicingParameters slicing = parseSlicing(form);

        String displayName = displayName(file.fileName());
        if (file.size() == 0) {
            throw ApiException.badRequest("file is empty (0 bytes); upload the complete screen recording", "file",
                    displayName);
        }
        VideoFormat format = VideoFormat.detect(readHeader(file)).orElseThrow(() -> ApiException.badRequest(
                "file is not a supported video: its first bytes match none of the accepted container formats ("
                        + VideoFormat.acceptedFormats() + ")", "file", displayName));

        return new UploadRequest(displayName, file.uploadedFile(), format, detectTypes, slicing);
    }

    /** Parses a comma-separated list; blanks and repeats are dropped, and an empty list means {@code control}. */
    static List<DetectType> parseDetectTypes(String raw) {
        Set<DetectType> types = new LinkedHashSet<>();
        if (raw != null) {
            for (String item : raw.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                try {
                    types.add(DetectType.parse(item));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("invalid detect type '" + item.trim() + "'; accepted values: "
                            + DetectType.acceptedValues(), "detectTypes", item.trim());
                }
            }
        }
        if (types.isEmpty()) {
            return List.of(DetectType.CONTROL);
        }
        return new ArrayList<>(types);
    }

    /** Parses the optional slicing overrides; the first invalid one is rejected with its field, value and range. */
    static SlicingParameters parseSlicing(UploadForm form) {
        SlicingParameters slicing = new SlicingParameters(
                parseNumber("threshold", form.threshold),
                parseNumber("minSceneSeconds", form.minSceneSeconds),
                parseNumber("minChangedArea", form.minChangedArea),
                parseNumber("minSceneArea", form.minSceneArea),
                parseWholeNumber("settleFrames", form.settleFrames));

        List<SlicingParameters.Violation> violations = slicing.violations();
        if (!violations.isEmpty()) {
            SlicingParameters.Violation first = violations.get(0);
            throw ApiException.badRequest(first.message(), first.field(), rawValue(form, first.field()));
        }
        return slicing;
    }

    private static Double parseNumber(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be a number " + SlicingParameters.allowedRange(field)
                    + ", got '" + raw + "'", field, raw);
        }
    }

    private static Integer parseWholeNumber(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be a whole number " + SlicingParameters.allowedRange(field)
                    + ", got '" + raw + "'", field, raw);
        }
    }

    private static String rawValue(UploadForm form, String field) {
        String raw = switch (field) {
            case "threshold" -> form.threshold;
            case "minSceneSeconds" -> form.minSceneSeconds;
            case "minChangedArea" -> form.minChangedArea;
            case "minSceneArea" -> form.minSceneArea;
            case "settleFrames" -> form.settleFrames;
            default -> throw new IllegalArgumentException("unknown slicing parameter '" + field + "'");
        };
        return raw == null ? null : raw.trim();
    }

    private static byte[] readHeader(FileUpload file) throws IOException {
        try (InputStream content = Files.newInputStream(file.uploadedFile())) {
            return content.readNBytes(VideoFormat.HEADER_BYTES);
        }
    }

    /**
     * Returns the last path segment of the client's file name, because browsers on Windows may send a full path.
     * Control characters are dropped and the name is cut to 255 characters.
     */
    static String displayName(String clientName) {
        if (clientName == null) {
            return "unnamed";
        }
        String name = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "unnamed";
        }
        return name.length() > MAX_DISPLAY_NAME_CHARS ? name.substring(0, MAX_DISPLAY_NAME_CHARS) : name;
    }
}
