-- One row per table found in a document, classified or not (status tells which).
CREATE TABLE IF NOT EXISTS source_table (
    source_file    VARCHAR NOT NULL,
    table_index    INTEGER NOT NULL,  -- 0-based position in the document
    table_number   VARCHAR,           -- the printed 表N
    title          VARCHAR,
    statement      VARCHAR NOT NULL,  -- statement kind (README: statement kinds)
    statement_zh   VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,  -- loaded | empty | unplaced (numbers, none placed) | not_modelled | unclassified
    unit_printed   VARCHAR,           -- 元 / 万元 as stated above the table
    department     VARCHAR,
    fiscal_year    INTEGER,
    first_line     INTEGER,
    last_line      INTEGER,
    page           INTEGER,
    n_header_rows  INTEGER,
    n_body_rows    INTEGER,
    column_headers VARCHAR,           -- each column's header path, ' | ' between columns
    notes          VARCHAR,           -- 注： lines printed under the table
    n_facts        INTEGER NOT NULL,
    n_unplaced     INTEGER NOT NULL,
    cell_layout    VARCHAR,           -- printed_columns | space_tokens (empty cells vanished, numbers placed by arithmetic)
    n_ambiguous    INTEGER,           -- numbers whose column the arithmetic left open (unplaced: ambiguous_column)
    placement_notes VARCHAR,          -- constraints set aside because the document breaks them
    n_items        INTEGER,           -- rows it gave project / fact_project_amount / fact_three_public / …
    empty_reason   VARCHAR            -- an empty table's (空表) reason, as printed
);
-- Warehouses created before issue 3:
ALTER TABLE source_table ADD COLUMN IF NOT EXISTS cell_layout VARCHAR;
ALTER TABLE source_table ADD COLUMN IF NOT EXISTS n_ambiguous INTEGER;
ALTER TABLE source_table ADD COLUMN IF NOT EXISTS placement_notes VARCHAR;
-- Issue 9:
ALTER TABLE source_table ADD COLUMN IF NOT EXISTS n_items INTEGER;
ALTER TABLE source_table ADD COLUMN IF NOT EXISTS empty_reason VARCHAR;
