-- The tables the quality checks read. $1 = source files.
SELECT t.source_file, t.department, d.fiscal_year, t.table_index, t.table_number, t.title AS table_title,
       t.statement, t.status, t.first_line AS line, t.page, coalesce(t.n_ambiguous, 0) AS n_ambiguous,
       t.n_facts, t.n_unplaced
FROM source_table t
JOIN source_document d USING (source_file)
WHERE list_contains($1, t.source_file)
ORDER BY t.source_file, t.table_index
