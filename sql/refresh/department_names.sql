-- The names the documents print for themselves and their tables, with the document's place,
-- unit code and year: what transform/department_identity.py matches.
WITH names AS (
    SELECT source_file, department AS name_printed, 'document' AS source FROM source_document WHERE department IS NOT NULL
    UNION SELECT source_file, department, 'table' FROM source_table WHERE department IS NOT NULL
    UNION SELECT source_file, department, 'table' FROM fact_budget_amount WHERE department IS NOT NULL
    UNION SELECT source_file, regexp_replace(trim(v.variant), ' ×[0-9]+$', ''), 'variant'
          FROM source_document, unnest(string_split(department_variants, '; ')) AS v(variant)
          WHERE department_variants IS NOT NULL
)
SELECT n.source_file, n.name_printed, n.source, d.region, d.unit_code, d.fiscal_year
FROM names n
JOIN source_document d USING (source_file)
WHERE n.name_printed <> ''
ORDER BY n.source_file, n.name_printed, n.source
