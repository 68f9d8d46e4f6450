"""A synthetic corpus: N departments x Y years of disclosures made from the sample layouts.

Each department takes one sample as its template (all five text styles in turn) and a place
name of its own; each of its years is the template's text moved to that year with every
amount multiplied by an integer factor (bench/synthetic/rewrite.py), written as text or, for a
share of the documents, rendered to PDF in the template's PDF style (tests/fixtures/pdf/render.py,
which needs the WenQuanYi font). Deterministic from the seed.

manifest.jsonl lists every document with what the warehouse must hold for it: department,
fiscal year, number of facts and their total in 元 (the template's times the factor).
A corpus folder is reused when its parameters are unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.synthetic import rewrite
from bench.synthetic.templates import PDF_STYLES, template, template_prefixes

GENERATOR_VERSION = 2  # 2: the amounts of projects, 三公 and procurement lines scale too
FIRST = "青白安长平永宁丰新和乐清元兴泰德华阳开明福昌宜嘉临合南北东西"
SECOND = "山河川江林源泉峰湖石桥溪城台州原谷坪水岭岗湾陵"
MAX_FACTOR = 9  # one more digit at most, so space-aligned columns keep their gaps
WRITE_CHUNK = 25  # documents a process is handed at a time: a text one is ~1 ms, a PDF ~0.2 s


@dataclass(frozen=True)
class Planned:
    file_name: str
    template: str
    style: str  # 'text' or a PDF style
    department: str
    fiscal_year: int
    factor: int


@dataclass(frozen=True)
class Params:
    departments: int
    years: int
    seed: int = 0
    pdf_share: float = 0.2
    last_year: int = 2025


def place_name(index: int, suffix: str) -> str:
    """A distinct two-character place for each department index, with the template's 县/区/市."""
    first, rest = index % len(FIRST), index // len(FIRST)
    third = FIRST[rest // len(SECOND) - 1] if rest >= len(SECOND) else ""
    return FIRST[first] + SECOND[rest % len(SECOND)] + third + suffix


def plan(params: Params) -> list[Planned]:
    rng = random.Random(params.seed)
    prefixes = template_prefixes()
    planned = []
    for d in range(params.departments):
        t = template(prefixes[d % len(prefixes)])
        department = place_name(d, t.place[-1]) + t.department[len(t.place) :]
        for year in range(params.last_year - params.years + 1, params.last_year + 1):
            pdf = t.prefix in PDF_STYLES and rng.random() < params.pdf_share
            style = PDF_STYLES[t.prefix] if pdf else "text"
            name = f"syn{d:05d}_{year}_{t.prefix}.{'pdf' if pdf else 'txt'}"
            planned.append(Planned(name, t.prefix, style, department, year, rng.randint(1, MAX_FACTOR)))
    return planned


def document_text(p: Planned) -> str:
    t = template(p.template)
    text = t.path.read_text(encoding="utf-8")
    new_place = p.department[: len(p.department) - len(t.department) + len(t.place)]
    return rewrite.rewrite(text, t.amounts_by_line, p.factor, p.fiscal_year - t.fiscal_year, t.place, new_place)


def write_document(p: Planned, out: Path) -> None:
    target = out / p.file_name
    if p.style == "text":
        target.write_text(document_text(p), encoding="utf-8")
        return
    from tests.fixtures.pdf.render import FIXTURES, render_text

    fixture = next(fx for fx in FIXTURES if fx.name == p.style)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{p.file_name}.txt"
        src.write_text(document_text(p), encoding="utf-8")
        render_text(src, fixture, target, f"synthetic {p.file_name}")


def expected(p: Planned) -> dict:
    y = template(p.template).yields[p.style]
    return {**asdict(p), "facts": y.facts, "total_yuan": str(y.total_yuan * p.factor)}


def generate(params: Params, out: Path, progress=None) -> list[dict]:
    """Write the corpus under `out` (reused when already made with these parameters)."""
    stamp = {**asdict(params), "generator": GENERATOR_VERSION}
    manifest = out / "manifest.jsonl"
    stamp_file = out / "params.json"
    if manifest.exists() and stamp_file.exists() and json.loads(stamp_file.read_text()) == stamp:
        return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("syn*"):
        old.unlink()
    planned = plan(params)
    # Each document is written from its own plan alone (the randomness is drawn in plan()), so the
    # processes write the same files as one would: 20,000 documents took about an hour on one core.
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for i, _ in enumerate(pool.map(write_document, planned, [out] * len(planned), chunksize=WRITE_CHUNK)):
            if progress:
                progress(i + 1)
    rows = [expected(p) for p in planned]
    manifest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    stamp_file.write_text(json.dumps(stamp))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=400, help="departments (default 400)")
    parser.add_argument("--years", type=int, default=5, help="fiscal years per department (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--pdf-share",
        type=float,
        default=0.2,
        help="share of documents rendered as PDF where the template has a PDF style (default 0.2)",
    )
    parser.add_argument("--out", type=Path, default=Path("bench/.work/corpus"), help="folder (default bench/.work/corpus)")
    args = parser.parse_args(argv)
    params = Params(args.departments, args.years, args.seed, args.pdf_share)
    started = time.perf_counter()
    rows = generate(params, args.out, progress=lambda n: print(f"\r{n} documents", end="", file=sys.stderr))
    pdfs = sum(r["style"] != "text" for r in rows)
    print(
        f"\n{len(rows)} documents ({pdfs} PDF) in {args.out} ({time.perf_counter() - started:.1f} s); "
        f"{sum(r['facts'] for r in rows):,} facts expected; manifest: {args.out / 'manifest.jsonl'}"
    )


if __name__ == "__main__":
    main()
