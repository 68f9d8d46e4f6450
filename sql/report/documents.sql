-- One line per loaded document for the quality report: what was read and what was found. Counts
-- are of issues (dq_issue: the mistakes that explain the findings), not of findings; with the
-- share of its printed sums that hold, of its narrative figures confirmed and of its required tables
-- printed (dq_document_score).
SELECT d.source_file, d.department, d.fiscal_year, d.format, d.n_tables, d.document_kind, d.scope,
       (SELECT count(*) FROM source_table t WHERE t.source_file = d.source_file AND t.status = 'loaded') AS loaded_tables,
       d.n_facts, d.n_unplaced,
       count(i.issue_id) FILTER (WHERE i.severity = 'error') AS errors,
       count(i.issue_id) FILTER (WHERE i.severity = 'warning' AND i.kind = 'rounding') AS rounding,
       count(i.issue_id) FILTER (WHERE i.severity = 'warning' AND i.kind <> 'rounding') AS warnings,
       count(i.issue_id) FILTER (WHERE i.severity = 'info') AS infos,
       coalesce(sum(i.n_findings), 0) AS n_findings,
       any_value(s.sums_checked) AS sums_checked, any_value(s.sums_holding) AS sums_holding,
       any_value(s.narrative_checked) AS narrative_checked, any_value(s.narrative_confirmed) AS narrative_confirmed,
       any_value(s.required_tables) AS required_tables, any_value(s.required_tables_printed) AS required_tables_printed
FROM source_document d
LEFT JOIN dq_issue i USING (source_file)
LEFT JOIN dq_document_score s USING (source_file)
GROUP BY ALL
ORDER BY d.source_file
