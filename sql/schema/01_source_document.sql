-- One row per ingested file: what was read, when, by which parser version.
CREATE TABLE IF NOT EXISTS source_document (
    source_file    VARCHAR PRIMARY KEY,  -- file name: the document's identity across re-ingestion
    path           VARCHAR NOT NULL,     -- where it was read from
    sha256         VARCHAR NOT NULL,
    format         VARCHAR NOT NULL,     -- txt-tab, txt-space, pdf
    encoding       VARCHAR,
    n_lines        INTEGER,
    n_pages        INTEGER,
    department     VARCHAR,
    fiscal_year    INTEGER,
    n_tables       INTEGER NOT NULL,
    n_facts        INTEGER NOT NULL,
    n_unplaced     INTEGER NOT NULL,
    parser_version VARCHAR NOT NULL,
    ingested_at    TIMESTAMP NOT NULL
);
