package io.scenery.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data request body that streams its file part from disk instead of loading it into memory. */
final class MultipartBody {

    private final String boundary = "scenery-" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String fileField;
    private Path file;

    MultipartBody field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    MultipartBody file(String name, Path path) {
        this.fileField = name;
        this.file = path;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(field.getKey()).append("\"\r\n\r\n")
                    .append(field.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(file.getFileName().toString().replace("\"", "_")).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = headBytes.length + Files.size(file) + tailBytes.length;

        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                List<InputStream> parts = new ArrayList<>();
                parts.add(new ByteArrayInputStream(headBytes));
                parts.add(Files.newInputStream(file));
                parts.add(new ByteArrayInputStream(tailBytes));
                return new SequenceInputStream(Collections.enumeration(parts));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }), length);
    }
}
