package io.scenery.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Location of the shared blob store. */
@ConfigMapping(prefix = "scenery.storage")
public interface StorageConfig {

    /** Root directory of the blob store; every service of one deployment must see the same files there. */
    @WithDefault("var/storage")
    Path root();
}
