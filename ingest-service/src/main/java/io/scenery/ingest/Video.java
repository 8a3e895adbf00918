package io.scenery.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An uploaded video file, stored in the blob store under {@link #storageKey}. */
@Entity
@Table(name = "videos")
public class Video {

    @Id
    public UUID id;

    /** The name the client sent, kept for display only; storage never uses it. */
    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** MIME type of the detected container format. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
