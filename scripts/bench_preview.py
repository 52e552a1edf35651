"""Live preview: time from saving an edit of the translation to the open page showing it.

    python scripts/bench_preview.py [--edits 5]

Runs `make serve` on a free port over a scratch copy of source/ and glossary/, opens the English
page of section 4 in headless Chromium (Debian's /usr/bin/chromium), then edits item 4.3 of the
translation several times; each time from the write to the reloaded page showing the new word.
The issue's budget: 1 s on this machine.  Not a test: timings vary with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from chrome import ARGS, CHROMIUM
from static_server import free_port

ROOT = Path(__file__).resolve().parents[1]
PLAN = "cnipa-2022-work-plan.zh-Hans.txt"
EN = "cnipa-2022-work-plan.en.yml"
ANCHOR = '"4.3": >-\n    '


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("source", "glossary"):
            shutil.copytree(ROOT / name, root / name)
        for name in ("overrides", "mkdocs.yml"):
            os.symlink(ROOT / name, root / name)
        port = free_port()
        log_path = root / "serve.log"
        with log_path.open("w", encoding="utf-8") as log:  # the server keeps its own copy of the descriptor
            proc = subprocess.Popen(
                [
                    "make",
                    "--no-print-directory",
                    "serve",
                    f"PORT={port}",
                    f"ROOT={root}",
                    f"SOURCE={root / 'source' / PLAN}",
                ],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        base = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "en/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.3)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page()
                page.goto(base + "en/sections/4/")
                time.sleep(2)  # let the server settle after the first build
                en = root / "source" / EN
                times = []
                for n in range(args.edits):
                    word = f"Benchmark{n}x"
                    text = en.read_text(encoding="utf-8")
                    started = time.perf_counter()
                    en.write_text(text.replace(ANCHOR, ANCHOR + word + " ", 1), encoding="utf-8")
                    page.wait_for_function(
                        "w => ((document.getElementById('item-4-3') || {}).textContent || '').includes(w)",
                        arg=word,
                        timeout=120000,
                        polling=20,
                    )
                    times.append(time.perf_counter() - started)
                    print(f"edit {n + 1}: {times[-1]:.2f} s")
                    time.sleep(1.5)  # the whole-plan pages follow; let them finish
                browser.close()
        finally:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=20)
            lines = log_path.read_text(encoding="utf-8").splitlines()
            rebuilds = [line.strip() for line in lines if line.startswith("rebuilt ") and " in " in line]
    for line in rebuilds:  # the server's own time for each rebuild (the rest is the reload in the browser)
        print(f"server: {line}")
    print(
        f"edit to page: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}); "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
