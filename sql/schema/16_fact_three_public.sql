-- “三公”经费 (and 会议费 / 培训费): one printed amount per category, year column and fund source, in 元.
CREATE TABLE IF NOT EXISTS fact_three_public (
    source_file      VARCHAR NOT NULL,
    table_index      INTEGER NOT NULL,
    row_index        INTEGER NOT NULL,
    col_index        INTEGER,
    line             INTEGER,
    page             INTEGER,
    cell_box         VARCHAR,
    department       VARCHAR,
    fiscal_year      INTEGER,           -- the document's year
    year             INTEGER,           -- the year the column is about (2023 年预算数 | 2024 年预算数)
    unit_code        VARCHAR,           -- a unit line's 单位编码 (江油市: 339)
    unit_name        VARCHAR,
    category         VARCHAR NOT NULL,  -- total | three_public | abroad | abroad_research | abroad_other | vehicles
                                        -- | vehicle_purchase | vehicle_operation | reception | meeting | training
    category_printed VARCHAR,           -- the row label or column header as printed
    fund_source      VARCHAR NOT NULL,
    column_header    VARCHAR,
    amount_yuan      DECIMAL(18, 2) NOT NULL,
    amount_printed   VARCHAR NOT NULL,
    unit_printed     VARCHAR NOT NULL
);
ALTER TABLE fact_three_public ADD COLUMN IF NOT EXISTS phase VARCHAR;  -- budget | adjusted_budget | final (transform/phases.py)
