-- Issues for readers, most severe first: each the suspected figure, where it is printed, one
-- sentence with expected vs printed, and how many findings it explains (v_dq_findings.issue_id).
CREATE OR REPLACE VIEW v_dq_issues AS
SELECT i.source_file, d.department, d.fiscal_year, i.issue_id, i.severity, i.kind, i.subject, i.measures,
       i.table_title, i.page, i.line, i.difference_yuan, i.n_findings, i.n_tables, i.rules, i.explanation,
       i.statement, i.table_index, i.row_index
FROM dq_issue i
LEFT JOIN source_document d USING (source_file)
ORDER BY CASE i.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, i.source_file, i.issue_id;
