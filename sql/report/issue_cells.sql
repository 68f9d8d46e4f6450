-- The printed cells each issue's suspected figure stands in (its row, in its first table: the
-- facts read from it and the cells left unplaced, e.g. a malformed code's), with the file they
-- were read from, for the report's evidence; of the documents of $1 (source files).
WITH cells AS (
    SELECT source_file, table_index, row_index, col_index, cell_box, page, line FROM fact_budget_amount
    WHERE list_contains($1, source_file) AND source_file BETWEEN list_min($1) AND list_max($1)
    UNION ALL
    SELECT source_file, table_index, row_index, col_index, cell_box, page, line FROM unplaced_cell
    WHERE list_contains($1, source_file) AND source_file BETWEEN list_min($1) AND list_max($1)
),
issues AS (
SELECT i.source_file, i.issue_id, d.path, d.format, i.page, i.line,
       list(c.cell_box ORDER BY c.col_index) FILTER (WHERE c.cell_box IS NOT NULL) AS cell_boxes,
       min(c.page) AS fact_page, min(c.line) AS fact_line
FROM dq_issue i
JOIN source_document d USING (source_file)
-- a table-level finding (a malformed code's row: table suite, no row index) names its row by page and line
LEFT JOIN cells c ON c.source_file = i.source_file AND c.table_index = i.table_index
     AND (c.row_index = i.row_index OR (i.row_index IS NULL AND c.line = i.line AND c.page IS NOT DISTINCT FROM i.page))
WHERE i.table_index IS NOT NULL AND list_contains($1, i.source_file) AND i.source_file BETWEEN list_min($1) AND list_max($1)
GROUP BY ALL
)
-- a scanned page as OCR stood it upright and straightened it: the cells' boxes are on that page
SELECT issues.*, p.quarter_turns, p.skew_deg
FROM issues
LEFT JOIN source_page p ON p.source_file = issues.source_file AND p.page = coalesce(issues.fact_page, issues.page)
ORDER BY issues.source_file, issues.issue_id
