package io.scenery.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void writeStoresWholeBlob() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        long written = store.write("videos/a.bin", new ByteArrayInputStream(new byte[1000]), 1000);

        assertThat(written).isEqualTo(1000);
        assertThat(Files.size(root.resolve("videos/a.bin"))).isEqualTo(1000);
    }

    @Test
    void oversizedBlobLeavesNothingBehind() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> store.write("videos/b.bin", new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOf(BlobTooLargeException.class);

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keysOutsideRootAreRejected() {
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> store.localPath("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.localPath("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.localPath("videos/../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
