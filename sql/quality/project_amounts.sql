-- Project amounts the cross-checks read (project_sum, project_table_total). $1 = source files.
SELECT a.source_file, a.department, a.fiscal_year, a.table_index, t.title AS table_title, a.statement,
       a.row_index, a.col_index, a.line, a.page, a.row_kind, a.project_name, a.fund_source,
       a.column_header, a.amount_yuan, a.amount_printed, a.unit_printed
FROM fact_project_amount a
JOIN source_table t USING (source_file, table_index)
WHERE list_contains($1, a.source_file) AND a.source_file BETWEEN list_min($1) AND list_max($1)
ORDER BY a.source_file, a.table_index, a.row_index, a.col_index
