-- Every issue of each document of $1 (source files), most severe first, for the quality report.
SELECT source_file, issue_id, severity, kind, subject, measures, table_title, page, line, n_findings, n_tables,
       rules, explanation
FROM dq_issue
WHERE list_contains($1, source_file)
ORDER BY source_file, issue_id
