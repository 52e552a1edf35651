"""Compare Pagefind (extended, CJK segmentation) with the site's search on the test queries.

Not part of the build or the tests: Pagefind is not a dependency.  To reproduce:

    python3 -m venv /tmp/pfv && /tmp/pfv/bin/pip install "pagefind[extended]==1.5.2"
    make site && cp -r site /tmp/pfsite
    for e in zh-Hans zh-Hant en; do
      /tmp/pfv/bin/python -m pagefind_bin_extended --site /tmp/pfsite/$e --root-selector article
    done
    python -m http.server --directory /tmp/pfsite --bind 127.0.0.1 8001 &
    .venv/bin/python scripts/compare_pagefind.py http://127.0.0.1:8001/

Measured 2026-11-26: Pagefind 42/43 (冬奥会 found nothing), index 704-766 KB per edition on
disk (loaded in fragments); the site's worker 43/43 over a 39 KB (gzip) index.
"""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

TESTS = Path(__file__).resolve().parents[1] / "tests" / "browser"


def cases() -> list:
    shared = json.loads((TESTS / "search_queries.json").read_text(encoding="utf-8"))["cases"]
    source = (TESTS / "test_search.py").read_text(encoding="utf-8")
    own = ast.literal_eval(source[source.index("OWN = [") + 6: source.index("]\n\npytestmark") + 1])
    return shared + own


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8001/"
    ok, fails, all_cases = 0, [], cases()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        for edition, query, expected in all_cases:
            page.goto(f"{base}{edition}/")
            urls = page.evaluate("""async (q) => {
                const pf = await import('./pagefind/pagefind.js');
                const r = await pf.search(q);
                const d = await Promise.all(r.results.slice(0, 8).map(x => x.data()));
                return d.map(x => x.url); }""", query)
            found = []
            for url in urls:
                m = re.search(r"/sections/(\d+)/", url)
                if m and int(m.group(1)) not in found:
                    found.append(int(m.group(1)))
            if set(found[: len(expected)]) == set(expected):
                ok += 1
            else:
                fails.append((edition, query, expected, found))
        browser.close()
    print(f"pagefind: {ok}/{len(all_cases)} queries with the expected sections first")
    for fail in fails:
        print("  ", fail)


if __name__ == "__main__":
    main()
