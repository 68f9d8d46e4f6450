"""OCR against a text layer: character accuracy and exact amounts, per page image.

    python -m bench.ocr_accuracy [--engine rapidocr|tesseract] [PAGES_DIR]

PAGES_DIR holds page images and ``pages_text.json`` (``[{page, text}]``, the text layer of the
same pages; default ``../shared/corpus/page-images/shiquan-unit-2026``). The image's page number
is the last number of its file name (``…_p33.png``). Prints one line per page and the totals:
characters (whitespace ignored) read right, and amounts of the text layer read exactly.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "page-images" / "shiquan-unit-2026"
AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?")


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def char_accuracy(read: str, truth: str) -> float:
    truth, read = squash(truth), squash(read)
    return max(0.0, 1 - edit_distance(read, truth) / max(len(truth), 1))


def amounts(text: str) -> Counter:
    return Counter(a.rstrip(",") for a in AMOUNT.findall(text.replace("，", ",")) if any(c.isdigit() for c in a))


def exact_amounts(read: str, truth: str) -> tuple[int, int]:
    want, got = amounts(truth), amounts(read)
    return sum(min(n, got[a]) for a, n in want.items()), sum(want.values())


def read_rapidocr(path: Path) -> str:
    """The page as our OCR route reads it: its lines in reading order (extract/image_document.py)."""
    from extract.documents import read_document

    doc = read_document(path)
    return "\n".join(text for _, _, text in doc.text_lines)


def read_tesseract(path: Path) -> str:
    return subprocess.run(
        ["tesseract", str(path), "stdout", "-l", "chi_sim", "--psm", "6"], capture_output=True, text=True, check=True
    ).stdout


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--engine", choices=["rapidocr", "tesseract"], default="rapidocr")
    args = parser.parse_args(argv)
    truth = {p["page"]: p["text"] for p in json.loads((args.pages / "pages_text.json").read_text(encoding="utf-8"))}
    reader = read_rapidocr if args.engine == "rapidocr" else read_tesseract
    totals = [0, 0, 0, 0, 0.0]  # chars right, chars, amounts exact, amounts, seconds
    for path in sorted(args.pages.glob("*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1])):
        page = int(re.findall(r"\d+", path.stem)[-1])
        start = time.perf_counter()
        read = reader(path)
        seconds = time.perf_counter() - start
        acc = char_accuracy(read, truth[page])
        exact, n = exact_amounts(read, truth[page])
        chars = len(squash(truth[page]))
        totals[0] += acc * chars
        totals[1] += chars
        totals[2] += exact
        totals[3] += n
        totals[4] += seconds
        print(f"{args.engine} page {page}: characters {acc:.2%} of {chars}, amounts exact {exact}/{n}, {seconds:.1f} s")
    print(
        f"{args.engine} all: characters {totals[0] / max(totals[1], 1):.2%}, amounts exact {totals[2]}/{totals[3]}, "
        f"{totals[4] / 60:.2f} min for {len(list(args.pages.glob('*.png')))} pages"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
