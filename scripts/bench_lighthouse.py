"""Lighthouse mobile performance, median of three runs, on every page type of every edition.

    python scripts/bench_lighthouse.py        (needs `make checkers` and Debian's chromium)

Issue 10's target is 95 on every page type (home, section, glossary, full text).  Builds the site
into a scratch folder, serves it on a free port and runs Lighthouse's default mobile profile
(simulated slow 4G) with the CPU slowdown calibrated to each run's benchmarkIndex as the gate does
(scripts/lighthouse_run.py says how and why; Lighthouse's default 4x of the same loads is printed
beside it; --default-4x measures with 4x alone), with the pages served
gzip-compressed as any real host serves them (scripts/static_server.py).  Each line carries the load
average it was measured under.

    python scripts/bench_lighthouse.py en:glossary zh-Hans   (only those editions / page types)

Chrome runs without paint holding, which on this headless Chromium held about half the runs' first
frame to a 1 s timeout (chrome.STEADY says more); --chrome-defaults measures with Chrome's defaults.

    python scripts/bench_lighthouse.py --desktop   (Lighthouse's desktop preset, one run each: all four
                                                    categories; the CI gate runs the phone only)"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
PAGES = {"home": "", "section": "sections/4/", "glossary": "glossary/", "full": "full/"}


def main() -> int:
    from lighthouse_run import run
    from workplan.config import DEFAULT_SOURCE
    from workplan.editions import EDITIONS
    from workplan.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "overrides"):
            os.symlink(ROOT / name, root / name)
        build(DEFAULT_SOURCE, root=root, make_downloads=False)
        from static_server import serve

        server, base = serve(root / "site")
        wanted = [a for a in sys.argv[1:] if not a.startswith("--")]
        steady = "--chrome-defaults" not in sys.argv
        calibrate = "--default-4x" not in sys.argv
        if "--desktop" in sys.argv:
            categories = ["performance", "accessibility", "best-practices", "seo"]
            for edition in EDITIONS:
                for name, path in PAGES.items():
                    if wanted and not any(w in (edition.code, name, f"{edition.code}:{name}") for w in wanted):
                        continue
                    result = run(
                        f"{base}{edition.code}/{path}",
                        root / f"{edition.code}-{name}-desktop.json",
                        categories,
                        preset="desktop",
                        steady=steady,
                    ).result
                    scores = {k: round(v["score"] * 100) for k, v in result["categories"].items()}
                    print(f"{edition.code:8} {name:9} desktop {scores} (load {os.getloadavg()[0]:.2f})", flush=True)
            server.close()
            return 0
        for edition in EDITIONS:
            for name, path in PAGES.items():
                if wanted and not any(w in (edition.code, name, f"{edition.code}:{name}") for w in wanted):
                    continue
                scores, defaults, metrics, bench, first_paints = [], [], [], [], []
                load = os.getloadavg()
                for n in range(3):
                    measured = run(
                        f"{base}{edition.code}/{path}",
                        root / f"{edition.code}-{name}-{n}.json",
                        ["performance"],
                        steady=steady,
                        calibrate=calibrate,
                    )
                    result = measured.result
                    first_paints.append(result["audits"]["metrics"]["details"]["items"][0]["observedFirstPaint"])
                    scores.append(result["categories"]["performance"]["score"] * 100)
                    defaults.append(measured.default_performance)
                    bench.append(f"{measured.benchmark_index:.0f}/{measured.multiplier}x")
                    audits = result["audits"]
                    metrics.append(
                        "FCP {:.1f} LCP {:.1f} TBT {:.0f} CLS {:.2f}".format(
                            audits["first-contentful-paint"]["numericValue"] / 1000,
                            audits["largest-contentful-paint"]["numericValue"] / 1000,
                            audits["total-blocking-time"]["numericValue"],
                            audits["cumulative-layout-shift"]["numericValue"],
                        )
                    )
                median = statistics.median(scores)
                print(
                    f"{edition.code:8} {name:9} median {median:.0f} of {sorted(round(s) for s in scores)}"
                    f"  (load {load[0]:.2f} {load[1]:.2f} before, {os.getloadavg()[0]:.2f} after;"
                    f" median run: {metrics[scores.index(median)]}; benchmarkIndex/CPU slowdown {bench};"
                    f" Lighthouse's default 4x: {defaults}; observed first paints {first_paints} ms)",
                    flush=True,
                )
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
