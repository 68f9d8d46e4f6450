-- Every issue of every document, most severe first, for the quality report.
SELECT source_file, issue_id, severity, kind, subject, measures, table_title, page, line, n_findings, n_tables,
       rules, explanation
FROM dq_issue
ORDER BY source_file, issue_id
