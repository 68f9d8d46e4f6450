-- The analysts' contract: one row per fact. The first 18 columns are stable; the trailing
-- ones point at the printed cell (row label, column header path, 表N, indexes), say what the row
-- is (line_role), who the document is (kind, scope, level, region, unit code) and which figure the
-- amount is (phase: budget, adjusted_budget, final), and which department it is across documents,
-- years and spellings (department_id: dim_department, department_alias), and how the figure was read
-- (read_by text | ocr, its OCR confidence, and whether the document's sums prove it: verified;
-- whether its text is a second reading's: ocr_reread).
CREATE OR REPLACE VIEW v_budget_lines AS
SELECT
    f.department,
    f.fiscal_year,
    t.statement,
    t.title AS table_title,
    f.function_code,
    coalesce(f.function_name, df.name) AS function_name,
    f.economic_scheme,
    f.economic_code,
    coalesce(f.economic_name, de.name) AS economic_name,
    f.gov_economic_code,
    coalesce(f.gov_economic_name, dg.name) AS gov_economic_name,
    f.measure,
    f.fund_source,
    f.amount_yuan,
    f.unit_printed,
    f.source_file,
    f.page,
    f.line,
    f.row_label,
    f.column_header,
    t.table_number,
    f.table_index,
    f.row_index,
    f.col_index,
    f.placement,
    f.cell_box,
    f.line_role,
    d.document_kind,
    d.scope,
    d.government_level,
    d.region,
    d.unit_code,
    f.phase,
    a.department_id,
    f.read_by,         -- text | ocr (a scanned page's image)
    f.ocr_confidence,  -- OCR: the score of the cell's least sure character
    f.verified,        -- OCR: a sum of the document that takes the figure holds (NULL for text)
    f.ocr_reread       -- OCR: its text is a second reading's, taken because the sums hold with it (NULL for text)
FROM fact_budget_amount f
JOIN source_table t USING (source_file, table_index)
JOIN source_document d USING (source_file)
LEFT JOIN department_alias a ON a.source_file = f.source_file AND a.name_printed = f.department
LEFT JOIN dim_function df ON df.code = f.function_code
LEFT JOIN dim_economic de ON de.scheme = f.economic_scheme AND de.code = f.economic_code
LEFT JOIN dim_economic dg ON dg.scheme = 'government' AND dg.code = f.gov_economic_code;
