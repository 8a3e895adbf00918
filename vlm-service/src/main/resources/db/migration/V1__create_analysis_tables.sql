-- One analysis per task and detect type; its scenes and their detected elements.
CREATE TABLE analysis (
    id          UUID PRIMARY KEY,
    task_id     UUID        NOT NULL,
    detect_type VARCHAR(16) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    processed   INTEGER     NOT NULL DEFAULT 0,
    total       INTEGER     NOT NULL DEFAULT 0,
    error       TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    CONSTRAINT analysis_task_detect_type_key UNIQUE (task_id, detect_type),
    CONSTRAINT analysis_detect_type_check CHECK (detect_type IN ('control', 'text', 'all')),
    CONSTRAINT analysis_status_check CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT analysis_progress_check CHECK (processed >= 0 AND total >= 0 AND processed <= total)
);

-- A scene whose keyframe an analysis has processed, with the keyframe's size in pixels.
CREATE TABLE analysis_scene (
    id           UUID PRIMARY KEY,
    analysis_id  UUID         NOT NULL REFERENCES analysis (id) ON DELETE CASCADE,
    task_id      UUID         NOT NULL,
    scene_id     UUID         NOT NULL,
    scene_number INTEGER      NOT NULL,
    keyframe_key VARCHAR(512) NOT NULL,
    width        INTEGER      NOT NULL,
    height       INTEGER      NOT NULL,
    analyzed_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT analysis_scene_analysis_scene_key UNIQUE (analysis_id, scene_id)
);

-- An element found in a scene's keyframe; x, y, width and height are keyframe pixels.
CREATE TABLE analysis_element (
    id           UUID PRIMARY KEY,
    analysis_id  UUID             NOT NULL REFERENCES analysis (id) ON DELETE CASCADE,
    task_id      UUID             NOT NULL,
    scene_id     UUID             NOT NULL,
    scene_number INTEGER          NOT NULL,
    type         VARCHAR(16)      NOT NULL,
    label        TEXT,
    x            INTEGER          NOT NULL,
    y            INTEGER          NOT NULL,
    width        INTEGER          NOT NULL,
    height       INTEGER          NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL,
    source       VARCHAR(8)       NOT NULL,
    interactive  BOOLEAN          NOT NULL,
    CONSTRAINT analysis_element_source_check CHECK (source IN ('cv', 'ocr', 'vlm')),
    CONSTRAINT analysis_element_box_check CHECK (width >= 0 AND height >= 0),
    CONSTRAINT analysis_element_confidence_check CHECK (confidence >= 0 AND confidence <= 1)
);

CREATE INDEX analysis_element_analysis_scene_idx ON analysis_element (analysis_id, scene_id);
CREATE INDEX analysis_element_task_idx ON analysis_element (task_id);
