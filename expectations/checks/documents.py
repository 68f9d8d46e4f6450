"""Who each document says it is, as rows of the documents suite: is its department known
(document_identity), its fiscal year (document_year), and do the places that name it agree
(identity_agrees: a minority name is reported, the majority kept), and is its department told
apart from every other (department_unambiguous: a same-named department of no known place)."""

from __future__ import annotations

import polars as pl

DOCUMENT_SCHEMA = {
    "source_file": pl.String,
    "department": pl.String,
    "fiscal_year": pl.Int32,
    "subject": pl.String,
    "department_known": pl.Boolean,
    "fiscal_year_known": pl.Boolean,
    "names_agree": pl.Boolean,
    "department_unambiguous": pl.Boolean,
    "ambiguous_with": pl.String,
    "observed": pl.String,
    "detail": pl.String,
    "page": pl.Int32,
    "line": pl.Int32,
}


def document_rows(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per document (sql/quality/documents.sql) with what each rule checks, in words."""
    rows = []
    for d in documents.iter_rows(named=True):
        if d["department"] is None:
            observed = f"placeholder {d['department_placeholder']}" if d["department_placeholder"] else "no name printed"
            detail = (
                f"the document names no department ({observed}: a blank template?)"
                if d["department_placeholder"]
                else "no cover label (预算主管部门：/预算单位：), caption (编制部门：/部门：), heading, page header "
                "or signature names the department"
            )
        elif d["department_variants"]:
            observed = d["department_variants"]
            detail = f"named {d['department']} by most of {d['department_sources']}; also printed: {observed}"
        else:
            observed, detail = d["department"], None
        rows.append(
            {
                "source_file": d["source_file"],
                "department": d["department"],
                "fiscal_year": d["fiscal_year"],
                "subject": d["department"] or "department unknown",
                "department_known": d["department"] is not None,
                "fiscal_year_known": d["fiscal_year"] is not None,
                "names_agree": d["department_variants"] is None,
                "observed": observed,
                "detail": detail,
                "department_unambiguous": d.get("ambiguous_with") is None,
                "ambiguous_with": d.get("ambiguous_with"),
                "page": d["page"],
                "line": d["line"],
            }
        )
    return pl.DataFrame(rows, schema=DOCUMENT_SCHEMA)
