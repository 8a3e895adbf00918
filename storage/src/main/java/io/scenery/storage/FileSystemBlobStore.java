package io.scenery.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A blob store in a directory tree. Each write goes to a temporary file in the target directory and is then
 * renamed atomically, so a reader never sees a half-written blob.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

    /** Keys are relative paths of safe segments; this rules out absolute paths and {@code ..}. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path root;

    @Inject
    public FileSystemBlobStore(StorageConfig config) {
        this(config.root());
    }

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public long write(String key, InputStream content, long maxBytes) throws IOException {
        Path target = localPath(key);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            long written = copyBounded(content, temporary, maxBytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void write(String key, byte[] content) throws IOException {
        Path target = localPath(key);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Path localPath(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid blob key '" + key
                    + "': expected a relative path of letters, digits, '.', '_' and '-'");
        }
        return root.resolve(key);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(localPath(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(localPath(key));
    }

    private static long copyBounded(InputStream content, Path temporary, long maxBytes) throws IOException {
        long written = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (OutputStream out = Files.newOutputStream(temporary)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                written += read;
                if (written > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }
}
