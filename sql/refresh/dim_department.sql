-- The departments and their aliases as transform/department_identity.py matched them (the
-- warehouse registers its output as identified_departments and identified_aliases).
DELETE FROM department_alias;
INSERT INTO department_alias BY NAME SELECT * FROM identified_aliases;
DELETE FROM dim_department;
INSERT INTO dim_department BY NAME SELECT * FROM identified_departments;
