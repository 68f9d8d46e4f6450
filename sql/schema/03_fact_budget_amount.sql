-- The fact table: one printed amount cell, converted to 元, with its provenance.
CREATE TABLE IF NOT EXISTS fact_budget_amount (
    source_file       VARCHAR NOT NULL,
    table_index       INTEGER NOT NULL,
    row_index         INTEGER NOT NULL,  -- 0-based row of the printed table, header rows included
    col_index         INTEGER NOT NULL,
    line              INTEGER,           -- line of a text document
    page              INTEGER,           -- page of a PDF (line is then the line on that page)
    cell_box          VARCHAR,           -- PDF: the cell's box 'x0,top,x1,bottom' in points from the page's top-left
    department        VARCHAR,
    fiscal_year       INTEGER,
    function_code     VARCHAR,
    function_name     VARCHAR,           -- as printed in the row
    economic_scheme   VARCHAR,           -- department (部门 301…) or government (政府 501…)
    economic_code     VARCHAR,
    economic_name     VARCHAR,
    gov_economic_code VARCHAR,           -- 政府 code printed beside the 部门 code
    gov_economic_name VARCHAR,
    measure           VARCHAR NOT NULL,
    fund_source       VARCHAR NOT NULL,
    amount_yuan       DECIMAL(18, 2) NOT NULL,
    amount_printed    VARCHAR NOT NULL,
    unit_printed      VARCHAR NOT NULL,
    row_label         VARCHAR,
    column_header     VARCHAR,
    placement         VARCHAR            -- how the cell got its column: printed_columns, all_columns_printed,
                                         -- arithmetic:<row_identity|column_sums|sibling_tables>, …
);
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS placement VARCHAR;
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS cell_box VARCHAR;
-- What the row is, apart from what its column measures (transform/line_roles.py): item, total
-- (合计), grand_total (收入总计 / 支出总计), subtotal (小计), memo (其中). A 支出总计 row's 人员经费
-- cell has line_role grand_total and measure personnel.
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS line_role VARCHAR;
-- Which figure the amount is (transform/phases.py): budget (预算数, 年初预算数), adjusted_budget
-- (调整预算数, 全年预算数) or final (决算数). A 预算 document's facts are budget, a 决算's final
-- unless their column says otherwise.
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS phase VARCHAR;
-- How the cell was read: 'text' (a PDF's text layer, a text file) or 'ocr' (a scanned page's image,
-- extract/ocr_page.py), and for OCR the recognition score (0–1) of the cell's least sure character.
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS read_by VARCHAR;
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS ocr_reread BOOLEAN;  -- OCR'd: its text is a second reading's
-- OCR'd facts: whether a sum of the document that takes the figure holds within rounding (set by
-- validation, expectations/checks/ocr_proof.py); NULL for figures of a text layer.
ALTER TABLE fact_budget_amount ADD COLUMN IF NOT EXISTS verified BOOLEAN;
