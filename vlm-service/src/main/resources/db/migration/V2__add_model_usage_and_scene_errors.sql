-- Vision-model usage per analysis, and the scenes whose analysis failed (recorded with their error).
ALTER TABLE analysis
    ADD COLUMN input_tokens  BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN output_tokens BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN model_calls   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN failed_scenes INTEGER NOT NULL DEFAULT 0;

ALTER TABLE analysis_scene
    ADD COLUMN error TEXT;
