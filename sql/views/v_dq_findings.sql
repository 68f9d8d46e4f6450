-- Findings for analysts, most severe first; join to facts on (source_file, table_index, row_index),
-- to their issue on (source_file, issue_id) (v_dq_issues).
CREATE OR REPLACE VIEW v_dq_findings AS
SELECT source_file, department, fiscal_year, statement, table_title, rule, kind, severity, subject,
       measure, fund_source, expected, observed, expected_yuan, observed_yuan, difference_yuan,
       tolerance_yuan, message, page, line, table_index, row_index, suite, validated_at, issue_id
FROM dq_finding
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
         source_file, table_index, row_index, rule;
