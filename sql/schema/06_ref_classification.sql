-- Reference class names of the three classifications, loaded from data/reference/*.csv.
CREATE TABLE IF NOT EXISTS ref_classification (
    scheme VARCHAR NOT NULL,  -- function | department | government
    code   VARCHAR NOT NULL,
    name   VARCHAR NOT NULL
);
