-- The findings a reader should see first: per document of $2 (source files), errors then warnings then
-- info, $1 per document.
-- Ties broken on every column of the findings' own order (expectations/findings.ORDER), so the
-- report lists the same findings in the same order on every run.
SELECT source_file, severity, kind, rule, table_title, subject, expected, observed, difference_yuan, message, line, page
FROM (
    SELECT *, row_number() OVER (
        PARTITION BY source_file
        ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
                 CASE kind WHEN 'rounding' THEN 1 ELSE 0 END, abs(difference_yuan) DESC NULLS LAST,
                 table_index, row_index, line, page, suite, rule, subject, measure, fund_source, message
    ) AS rank
    FROM dq_finding
    WHERE list_contains($2, source_file) AND source_file BETWEEN list_min($2) AND list_max($2)
)
WHERE rank <= $1
ORDER BY source_file, rank
