-- One line per table of each document of $1 (source files), with its findings by severity.
SELECT t.source_file, t.table_index, coalesce(t.table_number, '') AS table_number, t.title, t.statement_zh,
       t.status, t.unit_printed, coalesce(t.first_line, t.page) AS position, t.n_facts, coalesce(t.n_items, 0) AS n_items, t.n_unplaced,
       count(f.rule) FILTER (WHERE f.severity = 'error') AS errors,
       count(f.rule) FILTER (WHERE f.severity = 'warning' AND f.kind = 'rounding') AS rounding,
       count(f.rule) FILTER (WHERE f.severity = 'warning' AND f.kind <> 'rounding') AS warnings,
       count(f.rule) FILTER (WHERE f.severity = 'info') AS infos
FROM source_table t
LEFT JOIN dq_finding f USING (source_file, table_index)
WHERE list_contains($1, t.source_file) AND t.source_file BETWEEN list_min($1) AND list_max($1)
GROUP BY ALL
ORDER BY t.source_file, t.table_index
