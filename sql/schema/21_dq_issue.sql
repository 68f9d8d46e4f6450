-- Data-quality issues: the printed mistakes that explain the findings (expectations/issues.py).
-- One row per issue; each finding of dq_finding names its issue (issue_id). Replaced with them.
CREATE TABLE IF NOT EXISTS dq_issue (
    source_file     VARCHAR NOT NULL,
    issue_id        INTEGER NOT NULL,  -- 1, 2, … per document, most severe first
    severity        VARCHAR NOT NULL,  -- error | warning | info: the most severe of its findings
    kind            VARCHAR NOT NULL,  -- inconsistency | rounding | reference | structure | coverage
    rules           VARCHAR NOT NULL,  -- the rules of its findings
    subject         VARCHAR,           -- the suspected figure's subject (code and name, or row label)
    statement       VARCHAR,
    table_title     VARCHAR,           -- the first table printing the suspected figure
    table_index     INTEGER,
    row_index       INTEGER,
    measures        VARCHAR,           -- the columns it is printed in (total, project …)
    page            INTEGER,
    line            INTEGER,
    difference_yuan DECIMAL(18, 3),    -- how far the suspected figure is from what the sums expect
    n_findings      INTEGER NOT NULL,
    n_tables        INTEGER NOT NULL,
    explanation     VARCHAR NOT NULL
);
ALTER TABLE dq_finding ADD COLUMN IF NOT EXISTS issue_id INTEGER;
