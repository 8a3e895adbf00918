package io.scenery.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.ingest.Video;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class VideoRepository implements PanacheRepositoryBase<Video, UUID> {
}
