"""Benchmark the glossary linker: a synthetic glossary over synthetic text (not a timed test).

    python scripts/bench_linker.py [--terms 10000] [--kb 1024]

Prints the time to compile the automaton and to annotate the text, and the link count.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workplan.annotate import Matcher, annotate

HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--kb", type=int, default=1024, help="text size in KB (UTF-8)")
    args = parser.parse_args()
    rng = random.Random(2022)
    forms = {}
    while len(forms) < args.terms:
        forms["".join(rng.choice(HAN) for _ in range(rng.randint(2, 8)))] = f"t{len(forms)}"
    names = list(forms)
    pieces, size = [], 0
    while size < args.kb * 1024:
        piece = rng.choice(names) if rng.random() < 0.2 else "".join(rng.choice(HAN) for _ in range(rng.randint(1, 12)))
        piece += "。" if rng.random() < 0.05 else ""
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
    text = "".join(pieces)
    paragraphs = text.split("。")

    t0 = time.perf_counter()
    matcher = Matcher(forms, whole_words=True)
    t1 = time.perf_counter()
    links = sum(1 for p in paragraphs for s in annotate(p, matcher) if s.term)
    t2 = time.perf_counter()
    mb = len(text.encode("utf-8")) / 1_000_000
    print(
        f"{args.terms} terms, {mb:.2f} MB of text in {len(paragraphs)} paragraphs: "
        f"compile {t1 - t0:.3f} s, annotate {t2 - t1:.3f} s ({mb / (t2 - t1):.1f} MB/s), {links} links"
    )


if __name__ == "__main__":
    main()
