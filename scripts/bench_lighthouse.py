"""Lighthouse mobile performance, median of three runs, on every page type of every edition.

    python scripts/bench_lighthouse.py        (needs `make checkers` and Debian's chromium)

Issue 10's target is 95 on every page type (home, section, glossary, full text).  Builds the site
into a scratch folder, serves it on a free port and runs Lighthouse's default mobile profile
(simulated slow 4G, 4x CPU slowdown).  Not a test: scores vary with the machine's load."""
from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
PAGES = {"home": "", "section": "sections/4/", "glossary": "glossary/", "full": "full/"}
ARGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def main() -> int:
    from workplan.build import build
    from workplan.config import DEFAULT_SOURCE
    from workplan.editions import EDITIONS

    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("mkdocs.yml", "overrides"):
            os.symlink(ROOT / name, root / name)
        build(DEFAULT_SOURCE, root=root, make_downloads=False)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
        handler.log_message = lambda *a: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        for edition in EDITIONS:
            for name, path in PAGES.items():
                scores = []
                for run in range(3):
                    report = root / f"{edition.code}-{name}-{run}.json"
                    subprocess.run([str(lighthouse), f"http://127.0.0.1:{port}/{edition.code}/{path}", "--quiet",
                                    f"--chrome-path={os.environ.get('CHROMIUM', '/usr/bin/chromium')}",
                                    f"--chrome-flags={ARGS}", "--only-categories=performance", "--output=json",
                                    f"--output-path={report}"], check=True, timeout=180, capture_output=True)
                    scores.append(json.loads(report.read_text())["categories"]["performance"]["score"] * 100)
                print(f"{edition.code:8} {name:9} median {statistics.median(scores):.0f} of {sorted(round(s) for s in scores)}")
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
