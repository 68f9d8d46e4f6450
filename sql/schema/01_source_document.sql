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
-- Who and what the document is (extract/document_meta.py), read from its cover, captions,
-- headings, page headers and signature by vote.
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS document_kind VARCHAR;     -- budget 预算 | final_accounts 决算
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS scope VARCHAR;             -- department 部门 (with its units) | unit 单位
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS government_level VARCHAR;  -- as printed: 区级, 市级 …
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS region VARCHAR;            -- place printed on the cover or before the name
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS unit_code VARCHAR;         -- the publisher's code where printed (page header)
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS department_sources VARCHAR; -- 'name (source ×n); …', most votes first
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS department_variants VARCHAR; -- other names it prints for itself, NULL when all agree
ALTER TABLE source_document ADD COLUMN IF NOT EXISTS department_placeholder VARCHAR; -- a blank template's name (上海市XX局)
