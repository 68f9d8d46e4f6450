-- The PDF pages the quality checks read. $1 = source files.
SELECT p.source_file, d.department, d.fiscal_year, p.page, NULL::INTEGER AS line, p.status,
       p.n_glyphs, p.n_images, 'page ' || p.page AS subject
FROM source_page p
JOIN source_document d USING (source_file)
WHERE list_contains($1, p.source_file) AND p.source_file BETWEEN list_min($1) AND list_max($1)
ORDER BY p.source_file, p.page
