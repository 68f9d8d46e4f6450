-- Numeric cells that did not become facts, and why (README: unplaced reasons).
CREATE TABLE IF NOT EXISTS unplaced_cell (
    source_file   VARCHAR NOT NULL,
    table_index   INTEGER NOT NULL,
    row_index     INTEGER NOT NULL,
    col_index     INTEGER NOT NULL,
    line          INTEGER,
    page          INTEGER,
    cell_text     VARCHAR NOT NULL,
    row_label     VARCHAR,
    column_header VARCHAR,
    reason        VARCHAR NOT NULL
);
