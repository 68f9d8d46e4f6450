"""PDF table extraction: seconds per page and cell accuracy, ours next to camelot's flavors.

For each fixture in tests/fixtures/pdf (rendered from a sample text, see render.py) the
benchmark takes the sample's tables that have body rows, finds the pages they were printed on,
and runs each method on each of those pages:

- ``ours``: PDFium glyphs and strokes -> lattice/stream rows (extract/pdf_reader + pdf_page),
- ``camelot-lattice`` and ``camelot-stream``: ``camelot.read_pdf(path, pages=N, flavor=...)``.

Time per page includes opening the file for every method (camelot opens it on each call), and
is the median of ``--repeat`` runs. Accuracy compares each source row (cells as the text
prints them, whitespace removed, NFKC) with the extracted rows of the table's pages:

- cell accuracy: for each source row, the longest common subsequence of its non-empty cells
  with the best-matching extracted row, summed, over all non-empty source cells;
- rows exact: source rows whose non-empty cells equal, in order, those of an extracted row.

Neither metric looks at column positions (camelot may add or merge columns); the tests check
that our rows give the same facts as the text, which does.
"""

from __future__ import annotations

import argparse
import statistics
import time
import unicodedata
import warnings
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import pypdfium2 as pdfium

from bench.figures import Figure, machine
from common.paths import SAMPLES
from extract.documents import read_document
from extract.pdf_page import page_lines
from extract.pdf_reader import read_page

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
METHODS = ("ours", "camelot-lattice", "camelot-stream")
Rows = list[tuple[str, ...]]


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def nonempty(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in (norm(c) for c in row) if t)


def lcs(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def score(truth: Rows, extracted: Rows) -> tuple[int, int, int, int]:
    """(matched cells, source cells, exact rows, source rows)."""
    got = [nonempty(r) for r in extracted]
    got_set = set(got)
    cells = matched = exact = rows = 0
    for row in truth:
        want = nonempty(row)
        if not want:
            continue
        rows += 1
        cells += len(want)
        matched += max((lcs(want, g) for g in got), default=0)
        exact += want in got_set
    return matched, cells, exact, rows


def ours(path: Path, page: int) -> Rows:
    pdf = pdfium.PdfDocument(str(path))
    try:
        layout = read_page(pdf[page - 1], page)
    finally:
        pdf.close()
    return [ln.cells for ln in page_lines(layout, {}) if ln.cells is not None]


def camelot_rows(flavor: str):
    import camelot

    def run(path: Path, page: int) -> Rows:
        tables = camelot.read_pdf(str(path), pages=str(page), flavor=flavor, suppress_stdout=True)
        return [tuple(str(c) for c in row) for t in tables for row in t.df.values.tolist()]

    return run


@dataclass
class Tally:
    seconds: list[float] = field(default_factory=list)
    matched: int = 0
    cells: int = 0
    exact: int = 0
    rows: int = 0

    def add(self, other: tuple[int, int, int, int]) -> None:
        self.matched += other[0]
        self.cells += other[1]
        self.exact += other[2]
        self.rows += other[3]


def table_pages(fixture: Path, sample: Path, max_tables: int) -> list[tuple[Rows, list[int]]]:
    """(source rows, pages it was printed on) for the sample's first tables that have body rows."""
    source = [t for t in read_document(sample).tables if t.rows]
    printed = [t for t in read_document(fixture).tables if t.rows]
    if [t.title for t in source] != [t.title for t in printed]:
        print(f"  warning: {fixture.name}: the PDF's tables differ from its text's; pairing in order")
    out = []
    for src, pdf in list(zip(source, printed))[:max_tables]:
        truth = [r.cells for r in src.header_rows + src.rows]
        out.append((truth, sorted({r.page for r in pdf.header_rows + pdf.rows if r.page})))
    return out


def fixtures(folder: Path = FIXTURES, only: str | None = None) -> list[Path]:
    found = sorted(p for p in folder.glob("[0-9][0-9][0-9]_*.pdf") if "encrypted" not in p.name and "scanned" not in p.name)
    return [p for p in found if not only or p.name.startswith(only)]


def run(pdfs: list[Path], repeat: int, max_tables: int = 10_000) -> list[tuple[str, str, Tally]]:
    """(fixture, method, tally) for each fixture and method, then ('all', method, totals)."""
    warnings.filterwarnings("ignore")
    runners = {"ours": ours, "camelot-lattice": camelot_rows("lattice"), "camelot-stream": camelot_rows("stream")}
    totals = {m: Tally() for m in METHODS}
    lines = []
    for fixture in pdfs:
        sample = next(SAMPLES.glob(f"{fixture.name[:3]}_*.txt"))
        per = {m: Tally() for m in METHODS}
        for truth, pages in table_pages(fixture, sample, max_tables):
            for method in METHODS:
                extracted: Rows = []
                for page in pages:
                    runs = []
                    for _ in range(repeat):
                        t0 = time.perf_counter()
                        got = runners[method](fixture, page)
                        runs.append(time.perf_counter() - t0)
                    per[method].seconds.append(statistics.median(runs))
                    extracted += got
                per[method].add(score(truth, extracted))
        for method in METHODS:
            t = per[method]
            totals[method].seconds += t.seconds
            totals[method].add((t.matched, t.cells, t.exact, t.rows))
            lines.append((fixture.stem, method, t))
    return lines + [("all", m, totals[m]) for m in METHODS]


def measure(repeat: int = 3) -> list[Figure]:
    """The suite's figures: each method's seconds per page and cell accuracy over all fixtures."""
    totals = {method: t for name, method, t in run(fixtures(), repeat) if name == "all"}
    ours_s = statistics.mean(totals["ours"].seconds)
    figures = []
    for method, t in totals.items():
        per_page = statistics.mean(t.seconds)
        figures.append(Figure("2 pdf", f"{method}: s per page", per_page, "s", note=f"{len(t.seconds)} pages"))
        figures.append(Figure("2 pdf", f"{method}: cells found", 100 * t.matched / max(t.cells, 1), "%"))
    lattice = statistics.mean(totals["camelot-lattice"].seconds)
    figures.append(Figure("2 pdf", "ours / camelot-lattice time per page", ours_s / lattice, "ratio", "<= 0.2"))
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of the rendered PDFs")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per page and method (median kept)")
    parser.add_argument("--tables", type=int, default=0, help="tables per fixture with body rows (default 0: all)")
    parser.add_argument("--only", help="run one fixture (file name or its prefix)")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}; camelot-py {version('camelot-py')}, pypdfium2 {version('pypdfium2')}")
    print(f"runs per page: {args.repeat} (median); tables per fixture: {args.tables or 'all'}\n")
    started = time.perf_counter()
    lines = run(fixtures(args.fixtures, args.only), args.repeat, args.tables or 10_000)
    header = f"{'fixture':<24} {'method':<16} {'pages':>5} {'s/page':>8} {'total s':>8} {'cells %':>8} {'rows exact %':>13}"
    print(header)
    print("-" * len(header))
    for name, method, t in lines:
        print(
            f"{name:<24} {method:<16} {len(t.seconds):>5} {statistics.mean(t.seconds):>8.4f} {sum(t.seconds):>8.3f} "
            f"{100 * t.matched / max(t.cells, 1):>8.2f} {100 * t.exact / max(t.rows, 1):>13.2f}"
        )
    totals = {method: t for name, method, t in lines if name == "all"}
    ours_s = statistics.mean(totals["ours"].seconds)
    for method in METHODS[1:]:
        print(f"\n{method}: {statistics.mean(totals[method].seconds) / ours_s:.1f}x the time of ours per page", end="")
    print(f"\n\nwall time of the benchmark: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
