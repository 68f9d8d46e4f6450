-- 政府采购预算表, 国有资产 / 固定资产占用表, 会议费培训费明细: every printed cell of every line, with
-- the line's label and code; amounts in 元, counts (数量, 人数) as quantities, other text as printed.
CREATE TABLE IF NOT EXISTS fact_line_item (
    source_file    VARCHAR NOT NULL,
    table_index    INTEGER NOT NULL,
    row_index      INTEGER NOT NULL,
    col_index      INTEGER,
    line           INTEGER,
    page           INTEGER,
    cell_box       VARCHAR,
    department     VARCHAR,
    fiscal_year    INTEGER,
    statement      VARCHAR NOT NULL,  -- procurement | assets | meeting_training
    row_label      VARCHAR,
    row_code       VARCHAR,           -- the line's 功能分类 code where printed
    column_header  VARCHAR,
    value_printed  VARCHAR NOT NULL,
    amount_yuan    DECIMAL(18, 2),    -- an amount column's value in 元
    quantity       DECIMAL(24, 6),    -- a count column's value
    quantity_unit  VARCHAR,
    fund_source    VARCHAR,
    unit_printed   VARCHAR,           -- the amount's unit (the table's, or the column's 金额单位)
    row_text       VARCHAR            -- the whole line as printed, cells joined by ' | '
);
ALTER TABLE fact_line_item ADD COLUMN IF NOT EXISTS phase VARCHAR;  -- budget | adjusted_budget | final (transform/phases.py)
