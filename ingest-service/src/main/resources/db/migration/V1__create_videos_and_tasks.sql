-- Uploaded videos. The file itself is in the blob store under storage_key. file_name is the name the client
-- sent and is only displayed.
CREATE TABLE videos (
    id           UUID PRIMARY KEY,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL CHECK (size_bytes > 0),
    storage_key  VARCHAR(255) NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL
);

-- One processing task per upload: its status and the progress folded from analysis-progress events.
CREATE TABLE tasks (
    id                 UUID PRIMARY KEY,
    video_id           UUID             NOT NULL REFERENCES videos (id),
    status             VARCHAR(20)      NOT NULL CHECK (status IN
                           ('PENDING', 'SLICING', 'SLICED', 'ANALYZING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    stage              VARCHAR(20),
    percent            DOUBLE PRECISION NOT NULL DEFAULT 0,
    processed          BIGINT           NOT NULL DEFAULT 0,
    total              BIGINT           NOT NULL DEFAULT 0,
    scene_count        INTEGER,
    -- Comma-separated wire names, for example 'control,text'.
    detect_types       VARCHAR(100)     NOT NULL,
    -- Detect types whose analysis reported completion, in the same form.
    analysed_types     VARCHAR(100)     NOT NULL DEFAULT '',
    threshold          DOUBLE PRECISION,
    min_scene_seconds  DOUBLE PRECISION,
    error              TEXT,
    created_at         TIMESTAMPTZ      NOT NULL,
    updated_at         TIMESTAMPTZ      NOT NULL,
    heartbeat_at       TIMESTAMPTZ      NOT NULL,
    finished_at        TIMESTAMPTZ
);

CREATE INDEX tasks_video_id_idx ON tasks (video_id);

-- The watchdog scans non-terminal tasks by heartbeat age.
CREATE INDEX tasks_active_heartbeat_idx ON tasks (heartbeat_at)
    WHERE status IN ('PENDING', 'SLICING', 'SLICED', 'ANALYZING');
