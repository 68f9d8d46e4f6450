-- Every issue of each document of $1 (source files), most severe first, for the quality report.
SELECT source_file, issue_id, severity, kind, subject, measures, table_title, page, line, n_findings, n_tables,
       rules, explanation
FROM dq_issue
WHERE list_contains($1, source_file) AND source_file BETWEEN list_min($1) AND list_max($1)
ORDER BY source_file, issue_id
