"""The command line: python -m workplan [--source PLAN.txt] [--docs-only | --pages-only]."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from . import config
from .editions import EDITIONS
from .model import Problem
from .pipeline import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="workplan", description="Build the reader's edition: docs/ (Markdown) and site/ (HTML), every edition."
    )
    parser.add_argument("--source", type=Path, default=config.DEFAULT_SOURCE, help="the plan as UTF-8 text")
    parser.add_argument("--docs-only", action="store_true", help="write docs/ but do not run MkDocs")
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="pages and data only: skip building the downloads (PDF, EPUB, zip); reuse unchanged ones",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=config.ROOT,
        help="the folder with mkdocs.yml and overrides/ where docs/ and site/ are written",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    started = time.perf_counter()
    try:
        warnings = build(
            args.source.resolve(),
            root=args.root.resolve(),
            docs_only=args.docs_only,
            make_downloads=not args.pages_only,
        )
    except Problem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    except Exception as err:
        from mkdocs.exceptions import Abort  # not before: this process never runs MkDocs itself

        if not isinstance(err, Abort):
            raise
        # MkDocs in strict mode: a broken link or anchor, already logged
        print(f"error: MkDocs build failed ({err}); docs/ and site/ were left as they were", file=sys.stderr)
        return 3
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"built {', '.join(e.code for e in EDITIONS)} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
