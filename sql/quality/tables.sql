-- The tables the quality checks read, and the tables a document's list names but it does not
-- print (status listed_not_printed), rows printing a malformed code, and the headings naming the
-- document by a year (status heading, stated_year: rule table_year). $1 = source files.
SELECT t.source_file, t.department, d.fiscal_year, t.table_index, t.table_number, t.title AS table_title,
       t.statement, t.status, t.first_line AS line, t.page, coalesce(t.n_ambiguous, 0) AS n_ambiguous,
       t.n_facts, t.n_unplaced, NULL AS row_label, NULL::INTEGER AS stated_year
FROM source_table t
JOIN source_document d USING (source_file)
WHERE list_contains($1, t.source_file) AND t.source_file BETWEEN list_min($1) AND list_max($1)
UNION ALL
SELECT l.source_file, l.department, l.fiscal_year, NULL, l.table_number, l.title, NULL,
       'listed_not_printed', l.line, l.page, 0, 0, 0, NULL, NULL
FROM listed_table l
WHERE list_contains($1, l.source_file) AND l.source_file BETWEEN list_min($1) AND list_max($1) AND NOT l.printed
UNION ALL
-- rows whose code column prints digits that are no code (镇安县 表7: 210499): status malformed_code
SELECT u.source_file, d.department, d.fiscal_year, u.table_index, t.table_number, t.title, t.statement,
       'malformed_code', min(u.line), min(u.page), 0, 0, count(*), u.row_label, NULL
FROM unplaced_cell u
JOIN source_table t USING (source_file, table_index)
JOIN source_document d USING (source_file)
WHERE list_contains($1, u.source_file) AND u.source_file BETWEEN list_min($1) AND list_max($1) AND u.reason = 'malformed_code'
GROUP BY u.source_file, d.department, d.fiscal_year, u.table_index, t.table_number, t.title, t.statement, u.row_label, u.row_index
UNION ALL
SELECT n.source_file, n.department, d.fiscal_year, NULL, NULL, n.subject, NULL, 'heading', n.line, n.page, 0, 0, 0, NULL,
       n.value::INTEGER
FROM narrative_fact n
JOIN source_document d USING (source_file)
WHERE list_contains($1, n.source_file) AND n.source_file BETWEEN list_min($1) AND list_max($1) AND n.topic = 'heading_year'
ORDER BY source_file, table_index NULLS LAST, line
