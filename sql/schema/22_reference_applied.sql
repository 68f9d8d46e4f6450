-- Which version of an operator's reference file the dimensions were last built with (md5 of its
-- bytes): a changed data/reference/department_overrides.csv rebuilds them on the next write.
CREATE TABLE IF NOT EXISTS reference_applied (
    name VARCHAR PRIMARY KEY,  -- department_overrides
    md5  VARCHAR NOT NULL
);
