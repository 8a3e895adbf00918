-- The scenes of each task as announced on scenes-ready, so that a REST request can name them and be checked.
CREATE TABLE task_scene (
    task_id      UUID         NOT NULL,
    scene_id     UUID         NOT NULL,
    scene_number INTEGER      NOT NULL,
    keyframe_key VARCHAR(512) NOT NULL,
    PRIMARY KEY (task_id, scene_id)
);

-- The scene set an analysis covers (its scene ids, sorted and comma-separated) and the id of the run that owns
-- it. A request claims an analysis by setting a new run id in one INSERT ... ON CONFLICT DO UPDATE.
ALTER TABLE analysis
    ADD COLUMN scene_set TEXT,
    ADD COLUMN run_id    UUID;
