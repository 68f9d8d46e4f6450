-- The tables the quality checks read, and the tables a document's list names but it does not
-- print (status listed_not_printed). $1 = source files.
SELECT t.source_file, t.department, d.fiscal_year, t.table_index, t.table_number, t.title AS table_title,
       t.statement, t.status, t.first_line AS line, t.page, coalesce(t.n_ambiguous, 0) AS n_ambiguous,
       t.n_facts, t.n_unplaced
FROM source_table t
JOIN source_document d USING (source_file)
WHERE list_contains($1, t.source_file)
UNION ALL
SELECT l.source_file, l.department, l.fiscal_year, NULL, l.table_number, l.title, NULL,
       'listed_not_printed', l.line, l.page, 0, 0, 0
FROM listed_table l
WHERE list_contains($1, l.source_file) AND NOT l.printed
ORDER BY source_file, table_index NULLS LAST, line
