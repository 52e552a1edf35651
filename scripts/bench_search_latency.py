"""Search latency: from the keystroke to the rendered result list, in the site's real search box.

    make bench                 (or: PYTHONPATH=scripts .venv/bin/python scripts/bench_search_latency.py)
    ... bench_search_latency.py --site site --runs 3     (an already built site/, three runs)

Budget (handbook/testing.md): median <= 50 ms over the test queries (the 168 of
scripts/compare_search.py: the first round's and every kind of issue 11), on this 2-core machine.
Measured inside the page with performance.now() (tests/browser/search_ui.py: from the keystroke
that changed the query, or the commit of a Chinese text, to the last change of the result list),
not by polling from the driver.  Also where the time goes, from in-page marks: how many queries
the page answered itself (overrides/assets/javascripts/workplan-head.js: once its matcher is
loaded) and how long those took, and for the ones the search worker answered (the first of each
page, which loads the index), keystroke -> query posted -> answer received -> list rendered.

Not a test: the machine is shared, so every run prints the load average before and after it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "tests"))

from chrome import ARGS, CHROMIUM  # noqa: E402
from compare_search import build_site, cases, serve  # noqa: E402

EDITIONS = ("zh-Hans", "zh-Hant", "en")

# In-page marks for the breakdown (benchmark only): every message to and from the page's Worker.
MARKS = """(() => {
  window.__wpMarks = [];
  const mark = (what) => window.__wpMarks.push([what, performance.now()]);
  const Native = window.Worker;
  if (!Native) return;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    worker.addEventListener('message', (e) => mark('answer:' + (e.data && e.data.type)));
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m) => { mark('query:' + (m && m.type)); post(m); };
    return worker;
  };
})();"""


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f}" if values else "-"


def run(browser, base: str, all_cases: list) -> dict:
    """Every query in the order of the cases, one open search box per edition (as the tests do:
    the editions take turns, so each page waits idle while the others are queried)."""
    from search_ui import open_search, query

    out = {edition: {"total": [], "in_page": [], "to_query": [], "worker": [], "render": []} for edition in EDITIONS}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(MARKS)
    pages = {}
    for edition, text, _expected, _kind in all_cases:
        if edition not in pages:
            pages[edition] = context.new_page()
            open_search(pages[edition], base, edition)
        page = pages[edition]
        page.evaluate("() => { window.__wpMarks = []; }")
        _groups, latency = query(page, text)
        out[edition]["total"].append(latency)
        probe = page.evaluate("() => window.__wpProbe")
        start, end = probe["keys"][-1], probe["renders"][-1]
        marks = [(what, t) for what, t in page.evaluate("() => window.__wpMarks") if start <= t <= end]
        posted = [t for what, t in marks if what == "query:2"]
        answered = [t for what, t in marks if what == "answer:3"]
        if not posted:
            out[edition]["in_page"].append(latency)
        elif answered and answered[-1] >= posted[-1]:
            out[edition]["to_query"].append(posted[-1] - start)
            out[edition]["worker"].append(answered[-1] - posted[-1])
            out[edition]["render"].append(end - answered[-1])
    context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site/ (default: build one in a scratch directory)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"bench_search_latency: Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    all_cases = cases()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site.resolve() if args.site else build_site(Path(tmp))
        server, base = serve(site)
        print(
            f"search latency, keystroke to rendered list (in-page performance.now()), {len(all_cases)} queries; "
            "budget: median <= 50 ms"
        )
        print(
            f"{'run':>3s} {'edition':8s} {'n':>4s} {'median':>7s} {'worst':>7s}   answered in the page: n, median;"
            " by the worker: n, medians of keystroke->query, worker round trip, answer->rendered"
        )
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                overall = []
                for number in range(1, args.runs + 1):
                    before = loadavg()
                    result = run(browser, base, all_cases)
                    after = loadavg()
                    everything = []
                    for edition, r in result.items():
                        everything += r["total"]
                        print(
                            f"{number:3d} {edition:8s} {len(r['total']):4d} {median(r['total']):>7s} "
                            f"{max(r['total']):7.1f}   "
                            f"in page {len(r['in_page'])}, {median(r['in_page'])} ms; worker {len(r['worker'])}, "
                            f"{median(r['to_query'])} / {median(r['worker'])} / {median(r['render'])} ms"
                        )
                    overall += everything
                    print(
                        f"{number:3d} {'all':8s} {len(everything):4d} {median(everything):>7s} "
                        f"{max(everything):7.1f}   "
                        f"load average {before} before, {after} after"
                    )
                if args.runs > 1:
                    print(f"all runs: {len(overall)} queries, median {median(overall)} ms, worst {max(overall):.1f} ms")
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
