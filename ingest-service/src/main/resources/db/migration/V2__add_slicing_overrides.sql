-- Per-upload overrides of the slicer's change and settle rules; null means the slicer's default.
ALTER TABLE tasks
    ADD COLUMN min_changed_area DOUBLE PRECISION,
    ADD COLUMN min_scene_area   DOUBLE PRECISION,
    ADD COLUMN settle_frames    INTEGER;
