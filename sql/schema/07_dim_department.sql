-- One row per department: the names of all its documents, years and variants joined under one
-- department_id (transform/department_identity.py; README "Department identity"), with where it
-- is (transform/places.py: the division table of the cpca package). Rebuilt with the dimensions.
CREATE TABLE IF NOT EXISTS dim_department (
    department_id VARCHAR PRIMARY KEY,  -- D + 12 hex digits: stable across loads, order and re-ingestion
    department    VARCHAR NOT NULL,     -- the name it goes by: its latest document's own name
    region        VARCHAR,              -- that document's region as printed (上海市普陀区, 柞水县)
    unit_code     VARCHAR,              -- the unit code a document prints for it (362)
    province      VARCHAR,              -- 陕西省, 上海市
    city          VARCHAR,              -- 商洛市; NULL for a 直辖市's district (上海市 普陀区)
    county        VARCHAR,              -- county / district / county-level city: 柞水县, 普陀区, 江油市
    division_code VARCHAR,              -- GB/T 2260 administrative division code, 6 digits: 611026, 310107, 310000
    place_note    VARCHAR,              -- why the place is missing or stops short (a county name two provinces have)
    first_year    INTEGER,              -- first and last fiscal year of its documents
    last_year     INTEGER,
    n_names       INTEGER,              -- distinct printed names (department_alias)
    n_documents   INTEGER
);
-- The department a 单位 belongs to, where its document says so (its projects' 主管部门): the
-- parent's department_id when that department is loaded, its name as printed, and the evidence.
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS parent_department_id VARCHAR;
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS parent_name VARCHAR;
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS parent_evidence VARCHAR;
-- Departments of the same name key kept apart because one names no place: they may be one
-- (a person decides, data/reference/department_overrides.csv); rule department_unambiguous.
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS ambiguous_with VARCHAR;
