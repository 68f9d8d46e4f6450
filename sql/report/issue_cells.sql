-- The printed cells each issue's suspected figure stands in (its row, in its first table), with the
-- file they were read from, for the report's evidence.
SELECT i.source_file, i.issue_id, d.path, d.format, i.page, i.line,
       list(f.cell_box ORDER BY f.col_index) FILTER (WHERE f.cell_box IS NOT NULL) AS cell_boxes,
       min(f.page) AS fact_page, min(f.line) AS fact_line
FROM dq_issue i
JOIN source_document d USING (source_file)
LEFT JOIN fact_budget_amount f ON f.source_file = i.source_file AND f.table_index = i.table_index
     AND f.row_index = i.row_index
WHERE i.table_index IS NOT NULL
GROUP BY ALL
ORDER BY i.source_file, i.issue_id
