-- “三公”经费 amounts the cross-check reads (three_public_sum). $1 = source files.
SELECT a.source_file, a.department, a.fiscal_year, a.table_index, t.title AS table_title, t.statement,
       a.row_index, a.col_index, a.line, a.page, a.year, a.category, a.category_printed, a.fund_source,
       a.column_header, a.amount_yuan, a.amount_printed, a.unit_printed, a.phase
FROM fact_three_public a
JOIN source_table t USING (source_file, table_index)
WHERE list_contains($1, a.source_file) AND a.source_file BETWEEN list_min($1) AND list_max($1)
ORDER BY a.source_file, a.table_index, a.row_index, a.col_index
