-- Files that could not be ingested: the latest error per file and stage.
CREATE TABLE IF NOT EXISTS ingest_error (
    source_file VARCHAR NOT NULL,
    path        VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,  -- read | extract | transform | load
    message     VARCHAR NOT NULL,
    occurred_at TIMESTAMP NOT NULL
);
