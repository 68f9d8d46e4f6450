-- The corpus report: one line per loaded document — who and what it is, tables found and
-- classified, facts, unplaced cells by reason, findings by severity and the issues that explain
-- them (budget-etl corpus).
WITH tables AS (
    SELECT source_file, count(*) AS n_tables,
           count(*) FILTER (WHERE status <> 'unclassified') AS classified,
           count(*) FILTER (WHERE status = 'loaded') AS loaded
    FROM source_table GROUP BY source_file
), unplaced AS (
    SELECT source_file, string_agg(reason || ' ' || n, ', ' ORDER BY n DESC, reason) AS unplaced_by_reason
    FROM (SELECT source_file, reason, count(*) AS n FROM unplaced_cell GROUP BY ALL) GROUP BY source_file
), issues AS (
    SELECT source_file, count(*) FILTER (WHERE severity = 'error') AS error_issues,
           count(*) FILTER (WHERE severity = 'warning') AS warning_issues
    FROM dq_issue GROUP BY source_file
), findings AS (
    SELECT source_file,
           count(*) FILTER (WHERE severity = 'error') AS errors,
           count(*) FILTER (WHERE severity = 'warning' AND kind <> 'rounding') AS warnings,
           count(*) FILTER (WHERE severity = 'warning' AND kind = 'rounding') AS rounding,
           count(*) FILTER (WHERE severity = 'info') AS infos
    FROM dq_finding GROUP BY source_file
)
SELECT d.source_file, d.department, d.fiscal_year, d.document_kind, d.scope, d.format,
       coalesce(t.n_tables, 0) AS n_tables, coalesce(t.classified, 0) AS classified, coalesce(t.loaded, 0) AS loaded,
       d.n_facts, d.n_unplaced, coalesce(u.unplaced_by_reason, '') AS unplaced_by_reason,
       coalesce(f.errors, 0) AS errors, coalesce(f.warnings, 0) AS warnings,
       coalesce(f.rounding, 0) AS rounding, coalesce(f.infos, 0) AS infos,
       coalesce(i.error_issues, 0) AS error_issues, coalesce(i.warning_issues, 0) AS warning_issues
FROM source_document d
LEFT JOIN tables t USING (source_file)
LEFT JOIN unplaced u USING (source_file)
LEFT JOIN findings f USING (source_file)
LEFT JOIN issues i USING (source_file)
ORDER BY d.source_file
