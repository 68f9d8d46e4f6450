-- Every name a document prints for a department (its own name, a table's caption, a variant it
-- prints for itself), one row per document and name, with the department it was matched to and how:
-- exact | normalized_name | unit_code | same_document | document_variant | override (README
-- "Department identity"). v_budget_lines joins on (source_file, name_printed).
CREATE TABLE IF NOT EXISTS department_alias (
    department_id VARCHAR NOT NULL,
    name_printed  VARCHAR NOT NULL,
    source_file   VARCHAR NOT NULL,
    matched_by    VARCHAR NOT NULL,
    name_key      VARCHAR NOT NULL,  -- the name reduced for matching (transform/department_names.py)
    PRIMARY KEY (source_file, name_printed)
);
