-- One line per loaded document for the quality report: what was read and what was found.
SELECT d.source_file, d.department, d.fiscal_year, d.format, d.n_tables, d.document_kind, d.scope,
       (SELECT count(*) FROM source_table t WHERE t.source_file = d.source_file AND t.status = 'loaded') AS loaded_tables,
       d.n_facts, d.n_unplaced,
       count(*) FILTER (WHERE f.severity = 'error') AS errors,
       count(*) FILTER (WHERE f.severity = 'warning' AND f.kind = 'rounding') AS rounding,
       count(*) FILTER (WHERE f.severity = 'warning' AND f.kind <> 'rounding') AS warnings,
       count(*) FILTER (WHERE f.severity = 'info') AS infos
FROM source_document d
LEFT JOIN dq_finding f USING (source_file)
GROUP BY ALL
ORDER BY d.source_file
