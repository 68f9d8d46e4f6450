-- The documents the identity checks read: who each says it is, and the names it also prints. $1 = source files.
SELECT source_file, department, fiscal_year, document_kind, scope, department_sources, department_variants,
       department_placeholder, NULL::INTEGER AS page, NULL::INTEGER AS line
FROM source_document
WHERE list_contains($1, source_file)
ORDER BY source_file
