"""Clean build of the pages against the naive anchor, pair by pair in one run.

    python scripts/bench_anchor.py [--pairs 5]

Ours: `make clean && make pages` as a process: `python -m workplan --pages-only` into a scratch
root with no docs/ or site/ (the venv present, nothing else cached).
The naive anchor: the same plan as a competent user would build it with the seed's stack: our
generated docs/ (our `search: exclude` front matter removed, so Material's search indexes every
page, with jieba for the Chinese editions), stock Material (no overrides), one mkdocs.yml per
edition, `mkdocs build` run for each edition one after another.
Each pair runs both, in alternating order; the ratio ours/anchor is printed per pair, with the
median and range.  The issue's target: at most 0.35.  Not a test: timings vary with the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from workplan.editions import EDITIONS  # noqa: E402

EXCLUDE = re.compile(r"^search:\n  exclude: true\n", re.M)
STOCK_LANGUAGE = {"zh-Hans": "zh"}  # stock Material names simplified Chinese "zh"
MARKDOWN = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]


def prepare_anchor(work: Path, python: str) -> list[Path]:
    """The anchor's projects, from our docs/ (built once with --docs-only)."""
    ours = work / "docs-source"
    ours.mkdir(exist_ok=True)
    for name in ("mkdocs.yml", "overrides"):
        if not (ours / name).exists():
            os.symlink(ROOT / name, ours / name)
    subprocess.run(
        [python, "-m", "workplan", "--docs-only", "--root", str(ours)],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
        capture_output=True,
    )
    configs = []
    for edition in EDITIONS:
        project = work / "anchor" / edition.code
        docs = project / "docs"
        shutil.copytree(ours / "docs" / edition.code, docs)
        for page in docs.rglob("*.md"):
            page.write_text(EXCLUDE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
        lang = "zh" if edition.chinese else "en"
        config = project / "mkdocs.yml"
        config.write_text(
            f"site_name: {edition.label}\n"
            f"theme:\n  name: material\n"
            f"  language: {STOCK_LANGUAGE.get(edition.theme_language, edition.theme_language)}\n"
            f"plugins:\n  - search:\n      lang: {lang}\n"
            "markdown_extensions:\n" + "".join(f"  - {m}\n" for m in MARKDOWN),
            encoding="utf-8",
        )
        configs.append(config)
    return configs


def time_anchor(configs: list[Path], mkdocs: str) -> float:
    started = time.perf_counter()
    for config in configs:
        site = config.parent / "site"
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([mkdocs, "build", "-q", "-f", str(config)], check=True, capture_output=True)
    return time.perf_counter() - started


def time_ours(work: Path, python: str) -> float:
    root = work / "ours"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    for name in ("mkdocs.yml", "overrides"):
        os.symlink(ROOT / name, root / name)
    started = time.perf_counter()
    subprocess.run(
        [python, "-m", "workplan", "--pages-only", "--root", str(root)],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    mkdocs = str(Path(python).with_name("mkdocs"))
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        configs = prepare_anchor(work, python)
        time_anchor(configs, mkdocs), time_ours(work, python)  # warm the disk cache and .pyc files
        ratios, ours_t, anchor_t = [], [], []
        for n in range(args.pairs):
            if n % 2:
                a = time_anchor(configs, mkdocs)
                o = time_ours(work, python)
            else:
                o = time_ours(work, python)
                a = time_anchor(configs, mkdocs)
            ours_t.append(o)
            anchor_t.append(a)
            ratios.append(o / a)
            print(f"pair {n + 1}: ours {o:.2f} s, anchor {a:.2f} s, ratio {o / a:.3f}")
    print(
        f"clean build of the pages (make pages) / naive anchor: median {statistics.median(ratios):.3f} "
        f"(min {min(ratios):.3f}, max {max(ratios):.3f}); ours median {statistics.median(ours_t):.2f} s, "
        f"anchor median {statistics.median(anchor_t):.2f} s; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
