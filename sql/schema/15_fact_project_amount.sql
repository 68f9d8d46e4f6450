-- The amounts of a project line, one per printed cell, by fund source, in 元.
CREATE TABLE IF NOT EXISTS fact_project_amount (
    source_file    VARCHAR NOT NULL,
    table_index    INTEGER NOT NULL,
    row_index      INTEGER NOT NULL,  -- joins project (source_file, table_index, row_index)
    col_index      INTEGER,           -- empty for a token of a space-aligned line
    line           INTEGER,
    page           INTEGER,
    cell_box       VARCHAR,
    department     VARCHAR,
    fiscal_year    INTEGER,
    statement      VARCHAR NOT NULL,
    row_kind       VARCHAR NOT NULL,
    project_name   VARCHAR,
    fund_source    VARCHAR NOT NULL,  -- all (合计 / 预算数) | appropriation | general_budget | carryover | other …
    column_header  VARCHAR,           -- the column's header path, or the printed label (年度预算资金总额)
    amount_yuan    DECIMAL(18, 2) NOT NULL,
    amount_printed VARCHAR NOT NULL,
    unit_printed   VARCHAR NOT NULL
);
ALTER TABLE fact_project_amount ADD COLUMN IF NOT EXISTS phase VARCHAR;  -- budget | adjusted_budget | final (transform/phases.py)
