-- The facts the quality checks read, with their table's statement and title. $1 = source files.
SELECT f.source_file, f.department, f.fiscal_year, f.table_index, t.title AS table_title, t.statement,
       f.row_index, f.col_index, f.line, f.page, f.function_code, f.function_name, f.economic_scheme,
       f.economic_code, f.economic_name, f.gov_economic_code, f.gov_economic_name, f.measure,
       f.fund_source, f.amount_yuan, f.amount_printed, f.unit_printed, f.row_label, f.column_header, f.line_role, f.phase,
       f.read_by, f.ocr_confidence
FROM fact_budget_amount f
JOIN source_table t USING (source_file, table_index)
WHERE list_contains($1, f.source_file) AND f.source_file BETWEEN list_min($1) AND list_max($1)
ORDER BY f.source_file, f.table_index, f.row_index, f.col_index
