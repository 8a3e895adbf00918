package io.scenery.ingest.config;

import io.scenery.storage.BlobStore;
import io.scenery.storage.FileSystemBlobStore;
import io.scenery.storage.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Provides the {@link BlobStore}. {@link FileSystemBlobStore} declares two public constructors and neither is
 * annotated {@code @Inject}, so CDI cannot create it by itself; application.properties excludes the class from
 * bean discovery (quarkus.arc.exclude-types) and this producer builds it from {@link StorageConfig}.
 */
public class BlobStoreProducer {

    // NOTE: once FileSystemBlobStore marks its StorageConfig constructor @Inject, this producer and the
    // exclusion can go.
    @Produces
    @ApplicationScoped
    BlobStore blobStore(StorageConfig config) {
        return new FileSystemBlobStore(config);
    }
}
