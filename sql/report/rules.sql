-- Findings per rule and severity over the whole warehouse.
SELECT suite, rule, severity, kind, count(*) AS findings, count(DISTINCT source_file) AS documents
FROM dq_finding
GROUP BY ALL
ORDER BY suite, rule, severity
