-- What a 单位's document says about the department it belongs to: the 主管部门 its project
-- tables print (transform/department_identity.py links it when that department is loaded).
SELECT DISTINCT p.source_file, trim(p.competent_department) AS parent_name, 'project 主管部门' AS evidence
FROM project p
JOIN source_document d USING (source_file)
WHERE d.scope = 'unit' AND nullif(trim(p.competent_department), '') IS NOT NULL
ORDER BY ALL
