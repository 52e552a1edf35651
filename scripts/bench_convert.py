"""Time the zh-Hant conversion of the whole plan (a measurement, not a test).

    cd /work/main && .venv/bin/python scripts/bench_convert.py [--runs 200]

cold = what the first call in a fresh process pays: write the resolved config
and the comment-free dictionary, load OpenCC, convert once.  warm = converting
the whole plan again with the cached converter.  Plain OpenCC s2tw is shown for
comparison.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="warm conversions to time")
    parser.add_argument("--source", type=Path, default=ROOT / "source" / "cnipa-2022-work-plan.zh-Hans.txt")
    args = parser.parse_args()
    text = args.source.read_bytes().decode("utf-8")

    t0 = time.perf_counter()
    import opencc

    from workplan import convert

    t_import = time.perf_counter() - t0

    # cold: the first use in this process, step by step (what make_converter() does)
    t0 = time.perf_counter()
    config = convert.build_config()
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    first = opencc.OpenCC(str(config))
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    first.convert(text)
    t_first = time.perf_counter() - t0

    # make_converter() itself, now that OpenCC holds the dictionaries in this process
    t0 = time.perf_counter()
    converter = convert.make_converter()
    t_make = time.perf_counter() - t0
    assert converter(text) == first.convert(text)

    def warm(fn) -> list[float]:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - t0)
        return times

    warm_project = warm(converter)
    # OpenCC keeps loaded dictionaries per process: time plain s2tw's load in a fresh one
    probe = "import time, opencc; t = time.perf_counter(); cc = opencc.OpenCC('s2tw'); print(time.perf_counter() - t)"
    t_plain_load = float(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    warm_plain = warm(opencc.OpenCC("s2tw").convert)

    print(
        f"plan: {args.source.name}, {len(text)} characters, {text.count(chr(10)) + 1} lines; "
        f"OpenCC {opencc.__version__}"
    )
    print(f"import workplan.convert (+ opencc)        {ms(t_import)}")
    print(f"cold: build_config (config + dictionary)  {ms(t_build)}")
    print(f"      OpenCC load                         {ms(t_load)}")
    print(f"      first conversion                    {ms(t_first)}")
    print(f"      total                               {ms(t_build + t_load + t_first)}")
    print(f"make_converter() once OpenCC has loaded   {ms(t_make)}")
    print(
        f"warm: conversion, median of {args.runs:<4}         {ms(statistics.median(warm_project))}"
        f"   (min {ms(min(warm_project)).strip()})"
    )
    print(f"plain s2tw: cold load {ms(t_plain_load).strip()}, warm median {ms(statistics.median(warm_plain)).strip()}")


if __name__ == "__main__":
    main()
