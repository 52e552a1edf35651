"""How the tests and the benchmarks run Debian's Chromium, in one place: where it is, the flags every
run gets, and the flags Lighthouse starts it with (the gate, tests/browser/test_gates.py, and the
bench, scripts/bench_lighthouse.py, measure the same way)."""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# quiet and repeatable: nothing of Chrome's own goes to the network or starts work beside the page
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]

# Chrome's paint holding keeps a navigation's first frame back until the page is "ready" or a timeout:
# on this headless Chromium it released our pages at the timeout on about half the runs (first paint
# 0.2 s or 1.2 s, nothing between, with the load event at 0.5 s; a bare page never), which moved FCP
# by 0.7 s and the Lighthouse score by about 3 points at random.  The gate and the bench measure the
# pages without it: chrome-launcher's guide to flags for tools documents this one ("Don't defer
# paint commits").  scripts/bench_lighthouse.py --chrome-defaults measures with it.
STEADY = "--disable-features=PaintHolding"


def lighthouse_flags(steady: bool = True) -> str:
    """Lighthouse's --chrome-flags value."""
    return " ".join(["--headless=new", *ARGS, *([STEADY] if steady else [])])
