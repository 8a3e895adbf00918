package io.scenery.vlm.config;

import io.quarkus.arc.DefaultBean;
import io.scenery.storage.BlobStore;
import io.scenery.storage.FileSystemBlobStore;
import io.scenery.storage.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Provides the {@link BlobStore}. {@link FileSystemBlobStore} has two public constructors and neither is
 * annotated {@code @Inject}, so CDI does not take it for a bean. As a default bean this producer steps aside
 * by itself once the storage module makes that class a bean.
 */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    BlobStore blobStore(StorageConfig config) {
        return new FileSystemBlobStore(config);
    }
}
