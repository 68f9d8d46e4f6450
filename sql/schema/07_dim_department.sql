CREATE TABLE IF NOT EXISTS dim_department (
    department VARCHAR PRIMARY KEY
);
