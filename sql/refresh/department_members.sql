-- The units a 部门's document lists as its own (机构设置 … 具体包括：1. …; narrative topic member_unit,
-- transform/disclosure/member_units.py): transform/department_identity.py links a loaded 单位 of that
-- name to the department.
SELECT DISTINCT n.source_file, n.subject AS unit_name
FROM narrative_fact n
JOIN source_document d USING (source_file)
WHERE n.topic = 'member_unit' AND d.scope = 'department'
ORDER BY ALL
