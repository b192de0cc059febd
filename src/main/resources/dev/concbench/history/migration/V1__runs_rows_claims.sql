-- The first history schema: one row per run, its result rows and its claims' verdicts.
-- Portable SQL: the same file migrates SQLite and PostgreSQL. Instants are ISO-8601 UTC text
-- (they sort as text); JSON documents (env.json, guards, evidence) are text.
CREATE TABLE runs (
    run_key         VARCHAR(400) NOT NULL PRIMARY KEY,
    run_id          VARCHAR(200) NOT NULL,
    profile         VARCHAR(40)  NOT NULL,
    started         VARCHAR(40)  NOT NULL,
    ended           VARCHAR(40),
    complete        BOOLEAN      NOT NULL,
    missing         TEXT         NOT NULL,
    git_commit      VARCHAR(100),
    git_branch      VARCHAR(255),
    host            VARCHAR(255),
    env_fingerprint VARCHAR(400) NOT NULL,
    env_json        TEXT,
    source          VARCHAR(20)  NOT NULL,
    stored_at       VARCHAR(40)  NOT NULL
);

CREATE TABLE result_rows (
    run_key   VARCHAR(400) NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
    ordinal   INTEGER      NOT NULL,
    scenario  VARCHAR(200) NOT NULL,
    benchmark VARCHAR(400) NOT NULL,
    model     VARCHAR(100) NOT NULL,
    params    VARCHAR(1000) NOT NULL,
    metric    VARCHAR(200) NOT NULL,
    value     DOUBLE PRECISION,
    unit      VARCHAR(40)  NOT NULL,
    error     DOUBLE PRECISION,
    samples   BIGINT       NOT NULL,
    better    VARCHAR(20)  NOT NULL,
    guards    TEXT         NOT NULL,
    PRIMARY KEY (run_key, ordinal)
);

CREATE TABLE claims (
    run_key     VARCHAR(400) NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
    claim_id    VARCHAR(200) NOT NULL,
    title       VARCHAR(400),
    verdict     VARCHAR(40)  NOT NULL,
    rule        TEXT,
    evidence    TEXT,
    explanation TEXT,
    PRIMARY KEY (run_key, claim_id)
);
