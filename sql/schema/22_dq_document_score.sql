-- Per document, what its checks found true (expectations/scores.py): sums checked and holding
-- (within the rounding of their cells), narrative figures checked and confirmed. Replaced with
-- the document's findings.
CREATE TABLE IF NOT EXISTS dq_document_score (
    source_file         VARCHAR NOT NULL,
    sums_checked        INTEGER NOT NULL,
    sums_holding        INTEGER NOT NULL,
    narrative_checked   INTEGER NOT NULL,
    narrative_confirmed INTEGER NOT NULL
);
-- Of the tables its kind and scope require (data/reference/required_tables.csv), how many it
-- prints; NULL when the document's kind or scope is unknown (rule required_tables).
ALTER TABLE dq_document_score ADD COLUMN IF NOT EXISTS required_tables INTEGER;
ALTER TABLE dq_document_score ADD COLUMN IF NOT EXISTS required_tables_printed INTEGER;
