-- The documents the identity checks read: who each says it is, and the names it also prints. $1 = source files.
-- ambiguous_with: the departments its own name may also be (dim_department, rule department_unambiguous).
SELECT d.source_file, d.department, d.fiscal_year, d.document_kind, d.scope, d.department_sources,
       d.department_variants, d.department_placeholder, dep.ambiguous_with, NULL::INTEGER AS page, NULL::INTEGER AS line
FROM source_document d
LEFT JOIN department_alias a ON a.source_file = d.source_file AND a.name_printed = d.department
LEFT JOIN dim_department dep ON dep.department_id = a.department_id
WHERE list_contains($1, d.source_file) AND d.source_file BETWEEN list_min($1) AND list_max($1)
ORDER BY d.source_file
