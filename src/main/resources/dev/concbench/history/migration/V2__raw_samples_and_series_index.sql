-- Version 2: the raw per-iteration samples behind each row (fork, iteration, value; a run keeps
-- them when JMH reported them), and an index for the trend query (scenario, metric, model).
CREATE TABLE row_samples (
    run_key   VARCHAR(400) NOT NULL,
    ordinal   INTEGER      NOT NULL,
    fork      INTEGER      NOT NULL,
    iteration INTEGER      NOT NULL,
    value     DOUBLE PRECISION,
    PRIMARY KEY (run_key, ordinal, fork, iteration),
    FOREIGN KEY (run_key, ordinal) REFERENCES result_rows (run_key, ordinal) ON DELETE CASCADE
);

CREATE INDEX result_rows_series ON result_rows (scenario, metric, model);
