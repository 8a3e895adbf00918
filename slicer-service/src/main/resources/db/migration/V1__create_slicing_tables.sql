-- One row per task that slicer-service received; the source of truth for redelivered video-uploaded records.
CREATE TABLE slicing_run (
    task_id           uuid PRIMARY KEY,
    video_id          uuid,
    status            varchar(16)      NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    attempts          integer          NOT NULL DEFAULT 0,
    scene_count       integer,
    frames_decoded    bigint,
    decode_errors     bigint,
    elapsed_seconds   double precision,
    frames_per_second double precision,
    width             integer,
    height            integer,
    duration_seconds  double precision,
    error_type        varchar(64),
    error             text,
    started_at        timestamptz      NOT NULL,
    finished_at       timestamptz,
    updated_at        timestamptz      NOT NULL
);

-- Scenes of a task; a run replaces all scenes of its task in one transaction.
CREATE TABLE scene (
    id               uuid PRIMARY KEY,
    task_id          uuid             NOT NULL REFERENCES slicing_run (task_id) ON DELETE CASCADE,
    scene_number     integer          NOT NULL CHECK (scene_number >= 1),
    start_frame      integer          NOT NULL,
    end_frame        integer          NOT NULL,
    start_seconds    double precision NOT NULL,
    end_seconds      double precision NOT NULL,
    keyframe_frame   integer          NOT NULL,
    keyframe_seconds double precision NOT NULL,
    motion           double precision NOT NULL,
    keyframe_key     varchar(255)     NOT NULL,
    width            integer          NOT NULL,
    height           integer          NOT NULL,
    CONSTRAINT scene_task_number_unique UNIQUE (task_id, scene_number),
    CONSTRAINT scene_frames_ordered CHECK (start_frame <= end_frame)
);
