-- Files that could not be ingested: the latest error per file and stage.
CREATE TABLE IF NOT EXISTS ingest_error (
    source_file VARCHAR NOT NULL,
    path        VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,  -- read | extract | transform | load
    message     VARCHAR NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    sha256      VARCHAR,           -- of the copy that failed: an unchanged file is not retried
    parser_version VARCHAR         -- a new parser retries it
);
ALTER TABLE ingest_error ADD COLUMN IF NOT EXISTS sha256 VARCHAR;
ALTER TABLE ingest_error ADD COLUMN IF NOT EXISTS parser_version VARCHAR;
