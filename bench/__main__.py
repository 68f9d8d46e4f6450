"""`make bench`: the benchmark suite, printed as one table of figures (not pass/fail).

0. outputs: the warehouse content hash of the samples and of 200 synthetic documents, as before;
1. text documents: extract + transform per document, documents per second per core;
2. PDF: seconds per page and cell accuracy, ours vs camelot lattice and stream;
3. the nightly flow over the synthetic corpus (2,000 documents by default), then again unchanged;
4. analyst queries over a synthetic warehouse of 10 million facts: median latency;
5. load throughput into DuckDB;
6. OCR of scans: pages per minute, facts identical to the text layer, figures proven (bench/ocr_scans.py);
(optional, `--only scale`) the nightly flow over ten times the corpus.

Issue 24's targets are ratios of figures measured in the same run; each is printed beside its
target, and beside the figure before that work (bench/baseline.json, `--record-baseline`).

The corpus and the warehouses are made under bench/.work/ (kept between runs, git-ignored);
results are also written to bench/.work/results.md with the machine they came from.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path

from bench.figures import Figure, machine, record_baseline, table
from bench.synthetic.corpus import Params, generate
from common import prefect_home

WORK = Path(__file__).resolve().parent / ".work"
SECTIONS = ("outputs", "text", "pdf", "nightly", "queries", "load", "ocr", "scale")
DEFAULT = SECTIONS[:-1]  # scale runs for most of an hour: asked for by name
SMALL_DEPARTMENTS = 40  # x the years: the 200-document corpus of the memory ratio and the output hashes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default=",".join(DEFAULT), help=f"sections, comma-separated: {', '.join(SECTIONS)} (default: all but scale)"
    )
    parser.add_argument("--departments", type=int, default=400, help="synthetic departments (default 400)")
    parser.add_argument("--years", type=int, default=5, help="years per department (default 5: 2,000 documents)")
    parser.add_argument("--pdf-share", type=float, default=0.2, help="share of PDF documents where a PDF style exists")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--facts", type=int, default=10_000_000, help="facts in the analyst warehouse (default 10M)")
    parser.add_argument("--workers", type=int, default=2, help="parallel extractions in the nightly run (default 2)")
    parser.add_argument("--record-hashes", action="store_true", help="record the outputs' content hashes as expected")
    parser.add_argument(
        "--record-baseline", action="store_true", help="record this run's figures as the baseline shown beside later runs"
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if unknown := only - set(SECTIONS):
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    # the nightly section's Prefect (its test server, the runs it starts): not ~/.prefect
    prefect_home.isolate(WORK / "prefect")
    started = time.perf_counter()
    print(f"machine: {machine()}", flush=True)
    corpus = _corpus(args, args.departments) if only & {"text", "nightly", "load", "scale"} else (None, [])
    small = _corpus(args, SMALL_DEPARTMENTS) if only & {"nightly", "outputs"} else (None, [])
    figures: list[Figure] = []
    for section in SECTIONS:
        if section not in only:
            continue
        print(f"running {section} …", flush=True)
        figures += _run(section, args, corpus, small, figures)
    if args.record_baseline:
        record_baseline(figures)
    text = table(figures)
    print("\n" + text)
    print(f"\nwall time of the benchmark: {time.perf_counter() - started:.0f} s")
    WORK.mkdir(exist_ok=True)
    (WORK / "results.md").write_text(f"{datetime.now():%Y-%m-%d %H:%M}, {machine()}\n\n{text}\n", encoding="utf-8")


def _corpus(args, departments: int) -> tuple[Path, list[dict]]:
    folder = WORK / f"corpus-{departments}x{args.years}"
    print(f"corpus: {departments} departments x {args.years} years in {folder} …", flush=True)
    return folder, generate(Params(departments, args.years, args.seed, args.pdf_share), folder)


def _run(
    section: str, args, corpus: tuple[Path, list[dict]], small: tuple[Path, list[dict]], earlier: list[Figure]
) -> list[Figure]:
    corpus, rows = corpus
    if section == "outputs":
        from bench import outputs

        return outputs.measure(WORK / "outputs", small[0], args.record_hashes)
    if section == "scale":
        from bench import scale

        big = _corpus(args, args.departments * scale.SCALE)
        return scale.measure(*big, WORK / "scale", args.workers, earlier)
    if section == "text":
        from bench import text_docs

        return text_docs.measure(corpus, rows)
    if section == "pdf":
        from bench import pdf_extraction

        return pdf_extraction.measure()
    if section == "nightly":
        from bench import nightly

        return nightly.measure(corpus, rows, WORK / "nightly", args.workers, small)
    if section == "queries":
        from bench import analyst_queries

        return analyst_queries.figures(WORK / "analyst.duckdb", args.facts)
    if section == "ocr":
        from bench import ocr_scans

        return ocr_scans.measure()
    from bench import load_throughput

    return load_throughput.measure(corpus, rows)


if __name__ == "__main__":
    main()
