"""Performance budget: clean build time, first load of a section page, search index size.

    python scripts/bench_budget.py            (builds the site, serves it, measures; ~30 s)

Targets (handbook/testing.md): first load of a section page <= 80 KB gzip, all from the site's own origin;
clean build of all three editions <= 3 s.  Not a test: the numbers are noisy on a shared machine.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from static_server import serve

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("zh-Hans", "zh-Hant", "en")


def build_times(runs: int = 3) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "workplan"], cwd=ROOT, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def first_load(base: str, path: str, then: str = "") -> list[tuple[str, int, int]]:
    """Every response of a first load of `path`; with `then` ("pinyin" or "card"), also what the
    reader's first use of that reading aid loads."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        if then == "pinyin":
            page.click("button.wp-pinyin-toggle")
            page.wait_for_selector("html.wp-pinyin")
        elif then == "card":
            page.click("a.wp-term")
            page.wait_for_selector(".wp-card")
        page.wait_for_timeout(300)
        for response in responses:
            body = response.body()
            rows.append((response.url, len(body), len(gzip.compress(body, 6))))
        browser.close()
    return rows


def main() -> None:
    times = build_times()
    print(
        f"clean build, all editions: median {statistics.median(times):.2f} s (runs: "
        + ", ".join(f"{t:.2f}" for t in times)
        + ")"
    )
    site = ROOT / "site"
    server, base = serve(site)
    try:
        rows = first_load(base, "zh-Hans/sections/4/")
        aids = {then: first_load(base, "zh-Hans/sections/4/", then) for then in ("pinyin", "card")}
    finally:
        server.shutdown()
    hosts = {urlparse(url).netloc for url, _, _ in rows}
    raw, packed = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(
        f"first load of /zh-Hans/sections/4/: {len(rows)} requests, {raw / 1024:.1f} KB raw, "
        f"{packed / 1024:.1f} KB gzip, hosts {sorted(hosts)}"
    )
    for url, size, gz in sorted(rows, key=lambda r: -r[2]):
        print(f"  {gz / 1024:6.1f} KB gzip {size / 1024:7.1f} KB raw  {urlparse(url).path}")
    for then, more in aids.items():
        extra = [r for r in more if r[0] not in {u for u, _, _ in rows}]
        print(
            f"  + {then} turned on / first tap: {sum(r[2] for r in more) / 1024:.1f} KB gzip in all, "
            f"{sum(r[1] for r in more) / 1024:.1f} KB raw; added: "
            + ", ".join(f"{urlparse(u).path} {gz / 1024:.1f} KB gzip ({size / 1024:.1f} raw)" for u, size, gz in extra)
        )
    for edition in EDITIONS:
        index = site / edition / "search" / "search_index.json"
        items = site / edition / "search" / "workplan-index.json"
        for path in (index, items):
            if path.exists():
                data = path.read_bytes()
                print(
                    f"{edition} {path.name}: {len(data) / 1024:.1f} KB raw, "
                    f"{len(gzip.compress(data, 6)) / 1024:.1f} KB gzip"
                )
    reports = sorted((ROOT / "tests" / "artifacts" / "lighthouse").glob("*.json"))
    for report in reports:  # the gates' last reports; the desktop runs compute no performance
        result = json.loads(report.read_text(encoding="utf-8"))
        performance = result["categories"].get("performance")
        if performance and performance["score"] is None:  # Lighthouse could not score that run
            error = result.get("runtimeError", {}).get("code", "no score")
            print(f"lighthouse performance {report.stem}: none ({error})")
        elif performance:
            print(f"lighthouse performance {report.stem}: {round(performance['score'] * 100)}")


if __name__ == "__main__":
    main()
