package io.scenery.slicer.service;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scenery.slicer.config.SlicerConfig;
import io.scenery.storage.FileSystemBlobStore;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Builds a {@link VideoSlicer} outside Quarkus, with chosen settings over the defaults of {@link SlicerConfig}. */
final class TestSlicers {

    /** A listener that never cancels and ignores progress. */
    static final SlicingListener QUIET = new SlicingListener() {
        @Override
        public void progress(long framesDecoded, long framesExpected) {
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };

    private TestSlicers() {
    }

    static SlicerConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test settings", 500))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(SlicerConfig.class)
                .build()
                .getConfigMapping(SlicerConfig.class);
    }

    static VideoSlicer slicer(Map<String, String> settings) {
        return new VideoSlicer(config(settings), new FileSystemBlobStore(Path.of("target", "storage")));
    }
}
