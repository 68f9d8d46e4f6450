-- Per loaded document: department, year, number of facts and their total, to compare with the
-- synthetic corpus's manifest.
SELECT d.source_file, d.department, d.fiscal_year, count(f.amount_yuan) AS facts,
       coalesce(sum(f.amount_yuan), 0) AS total_yuan
FROM source_document d
LEFT JOIN fact_budget_amount f USING (source_file)
GROUP BY ALL;
