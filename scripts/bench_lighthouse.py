"""Lighthouse mobile performance, median of three runs, on every page type of every edition.

    python scripts/bench_lighthouse.py        (needs `make checkers` and Debian's chromium)

Issue 10's target is 95 on every page type (home, section, glossary, full text).  Builds the site
into a scratch folder, serves it on a free port and runs Lighthouse's default mobile profile
(simulated slow 4G, 4x CPU slowdown), with the pages served gzip-compressed as any real host serves
them (scripts/static_server.py).  Not a test: scores vary with the machine's load (the simulated
throttling scales what it observes), so each line carries the load average it was measured under.

    python scripts/bench_lighthouse.py en:glossary zh-Hans   (only those editions / page types)

As the gate (tests/browser/test_gates.py), Chrome runs without paint holding, which on this headless
Chromium held about half the runs' first frame to a 1 s timeout (chrome.STEADY says more);
--chrome-defaults measures with Chrome's defaults."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
PAGES = {"home": "", "section": "sections/4/", "glossary": "glossary/", "full": "full/"}


def main() -> int:
    from chrome import CHROMIUM, lighthouse_flags
    from workplan.build import build
    from workplan.config import DEFAULT_SOURCE
    from workplan.editions import EDITIONS

    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "overrides"):
            os.symlink(ROOT / name, root / name)
        build(DEFAULT_SOURCE, root=root, make_downloads=False)
        from static_server import serve

        server, base = serve(root / "site")
        wanted = [a for a in sys.argv[1:] if not a.startswith("--")]
        flags = lighthouse_flags(steady="--chrome-defaults" not in sys.argv)
        for edition in EDITIONS:
            for name, path in PAGES.items():
                if wanted and not any(w in (edition.code, name, f"{edition.code}:{name}") for w in wanted):
                    continue
                scores, metrics, bench, first_paints = [], [], [], []
                load = os.getloadavg()
                for run in range(3):
                    report = root / f"{edition.code}-{name}-{run}.json"
                    subprocess.run([str(lighthouse), f"{base}{edition.code}/{path}", "--quiet",
                                    f"--chrome-path={CHROMIUM}",
                                    f"--chrome-flags={flags}", "--only-categories=performance", "--output=json",
                                    f"--output-path={report}"], check=True, timeout=180, capture_output=True)
                    result = json.loads(report.read_text())
                    first_paints.append(result["audits"]["metrics"]["details"]["items"][0]["observedFirstPaint"])
                    scores.append(result["categories"]["performance"]["score"] * 100)
                    bench.append(result["environment"]["benchmarkIndex"])
                    audits = result["audits"]
                    metrics.append("FCP {:.1f} LCP {:.1f} TBT {:.0f} CLS {:.2f}".format(
                        audits["first-contentful-paint"]["numericValue"] / 1000,
                        audits["largest-contentful-paint"]["numericValue"] / 1000,
                        audits["total-blocking-time"]["numericValue"], audits["cumulative-layout-shift"]["numericValue"]))
                median = statistics.median(scores)
                print(f"{edition.code:8} {name:9} median {median:.0f} of {sorted(round(s) for s in scores)}"
                      f"  (load {load[0]:.2f} {load[1]:.2f} before, {os.getloadavg()[0]:.2f} after;"
                      f" median run: {metrics[scores.index(median)]}; Lighthouse's benchmarkIndex"
                      f" {min(bench):.0f}-{max(bench):.0f}; observed first paints {first_paints} ms)", flush=True)
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
