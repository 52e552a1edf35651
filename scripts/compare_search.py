"""Compare search engines on this site: MiniSearch, FlexSearch, Orama, Pagefind and the site's own
matcher (overrides/assets/javascripts/workplan-search-core.js), on the same queries: the first
round's (tests/search/search_queries.json and search_own.json, kind "exact") and every
kind of issue 11 (tests/search/search_queries_any_form.json, search_any_form_cases.json).

    make bench            (or: PYTHONPATH=scripts .venv/bin/python scripts/compare_search.py)

Needs `npm install` (package.json: minisearch, flexsearch, @orama/orama, pagefind) and Chromium.
Builds the site into a scratch directory.  Prints, per engine: index size per edition, queries
passed per kind (the expected sections first), query latency; for the site's own search also the
time from the last keystroke to the rendered result list in the real search box, measured in the
page with performance.now() (tests/browser/search_ui.py).

Equal terms: MiniSearch, FlexSearch and Orama index the documents of the site's own index
(title, own text, the other-language text on the page), one token per Han character, prefix
search, AND over the terms, one edit of typo tolerance for words of 5+ letters where the engine
has any.  Pagefind (extended, its own CJK segmentation and stemming) indexes the built pages.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from chrome import ARGS, CHROMIUM
from static_server import serve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))  # search_ui: typing into the search box
sys.path.insert(0, str(ROOT / "tests"))  # search_core: the query cases

KINDS = ["exact", "cross-script", "cross-language", "pinyin", "pinyin-initials", "inflection", "spelling", "typo"]
# How each engine counts edits (from its source, checked below against the swap typos).
EDITS = {
    "minisearch": "Levenshtein (fuzzy: max distance); a swap of neighbours is 2 edits",
    "flexsearch": "no edit distance (phonetic/charset encoders only): no typo tolerance",
    "orama": "bounded Levenshtein (tolerance); a swap of neighbours is 2 edits",
    "pagefind": "no typo tolerance (prefix and stemming only)",
    "workplan": "Damerau (optimal string alignment): a swap of neighbours is 1 edit",
}


def cases() -> list[list]:
    from search_core import cases as read

    out = [[e, q, x, "exact"] for e, q, x in read("search_queries.json") + read("search_own.json")]
    return out + read("search_queries_any_form.json") + read("search_any_form_cases.json")


def passed(found: list[int], expected: list[int]) -> bool:
    return set(found[: len(expected)]) == set(expected)


def build_site(scratch: Path) -> Path:
    from helpers import SOURCE, make_root
    from workplan.pipeline import build

    root = make_root(scratch / "root")
    build(SOURCE, root=root)
    return root / "site"


def node_engines(site: Path, all_cases: list) -> dict:
    out = subprocess.run(
        ["node", str(ROOT / "scripts" / "compare_search.mjs")],
        input=json.dumps({"site": str(site), "cases": all_cases}),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def pagefind(site: Path, scratch: Path, browser, all_cases: list) -> tuple[dict, list]:
    copy = scratch / "pagefind-site"
    shutil.copytree(site, copy)
    binary = ROOT / "node_modules" / ".bin" / "pagefind"
    sizes = {}
    for edition in ("zh-Hans", "zh-Hant", "en"):
        subprocess.run(
            [str(binary), "--site", str(copy / edition), "--root-selector", "article", "--silent"],
            check=True,
            capture_output=True,
        )
        files = [p for p in (copy / edition / "pagefind").rglob("*") if p.is_file()]
        sizes[edition] = {"raw": sum(p.stat().st_size for p in files), "files": len(files)}
    server, base = serve(copy)
    results = []
    try:
        page = browser.new_page()
        for edition, query, expected, kind in all_cases:
            page.goto(f"{base}{edition}/")
            found = page.evaluate(
                """async (q) => {
                const pf = await import('./pagefind/pagefind.js');
                await pf.search('warm');
                const t = performance.now();
                const r = await pf.search(q);
                const d = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
                return { ms: performance.now() - t, urls: d.map(x => x.url) }; }""",
                query,
            )
            sections = []
            for url in found["urls"]:
                if "/sections/" in url:
                    n = int(url.split("/sections/")[1].split("/")[0])
                    if n not in sections:
                        sections.append(n)
            results.append(
                {
                    "engine": "pagefind",
                    "edition": edition,
                    "query": query,
                    "expected": expected,
                    "kind": kind,
                    "sections": sections,
                    "ms": found["ms"],
                }
            )
        page.close()
    finally:
        server.shutdown()
    return sizes, results


def site_ui(site: Path, browser, all_cases: list) -> tuple[list, list]:
    """The site's own search through its search box: results and keystroke-to-render times."""
    from search_core import sections_of
    from search_ui import open_search, query

    server, base = serve(site)
    results, latencies = [], []
    try:
        pages = {}
        for edition, text, expected, kind in all_cases:
            if edition not in pages:
                pages[edition] = browser.new_page(viewport={"width": 1280, "height": 900})
                open_search(pages[edition], base, edition)
            groups, latency = query(pages[edition], text)
            latencies.append(latency)
            results.append(
                {
                    "engine": "workplan (search box)",
                    "edition": edition,
                    "query": text,
                    "expected": expected,
                    "kind": kind,
                    "sections": sections_of(groups),
                    "ms": latency,
                }
            )
    finally:
        server.shutdown()
    return results, latencies


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not (ROOT / "node_modules" / "minisearch").is_dir():
        sys.exit(
            "compare_search: run `npm install` first (package.json: minisearch, flexsearch, @orama/orama, pagefind)"
        )
    all_cases = cases()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        site = build_site(scratch)
        data = node_engines(site, all_cases)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ui_results, latencies = site_ui(site, browser, all_cases)
            pf_sizes, pf_results = pagefind(site, scratch, browser, all_cases)
            browser.close()
    results = data["results"] + pf_results + ui_results
    engines = [*list(data["sizes"]), "pagefind", "workplan (search box)"]

    print(
        f"search engines on this site: {len(all_cases)} queries "
        f"({', '.join(f'{k} {sum(1 for c in all_cases if c[3] == k)}' for k in KINDS)})\n"
    )
    print("index size per edition (zh-Hans / zh-Hant / en):")
    for name, sizes in data["sizes"].items():
        row = " / ".join(f"{kb(s['raw'])} KB ({kb(s['gzip'])} KB gzip)" for s in sizes.values())
        extra = ""
        code = next(iter(sizes.values())).get("code")
        if code:
            extra = f"; matcher + stemmer {kb(code['raw'])} KB ({kb(code['gzip'])} KB gzip)"
        print(f"  {name:11s} {row}{extra}")
    print(
        "  pagefind    "
        + " / ".join(f"{kb(s['raw'])} KB in {s['files']} files (loaded in fragments)" for s in pf_sizes.values())
    )

    print("\nqueries with the expected sections first, per kind:")
    print(f"  {'engine':22s} " + " ".join(f"{k[:9]:>9s}" for k in KINDS) + "      all  median ms  worst ms")
    for name in engines:
        mine = [r for r in results if r["engine"] == name]
        by_kind = defaultdict(lambda: [0, 0])
        for r in mine:
            by_kind[r["kind"]][1] += 1
            by_kind[r["kind"]][0] += passed(r["sections"], r["expected"])
        ok = sum(v[0] for v in by_kind.values())
        times = [r["ms"] for r in mine]
        cells = " ".join(f"{by_kind[k][0]:>4d}/{by_kind[k][1]:<4d}" for k in KINDS)
        print(f"  {name:22s} {cells} {ok:>4d}/{len(mine):<4d} {statistics.median(times):9.1f} {max(times):9.1f}")
    print(
        "\n(latency: the engines' own query time, in Node or, for pagefind, in the page; 'workplan (search box)':"
        " last keystroke to rendered result list in Chromium, performance.now() in the page)"
    )

    print("\ntypo tolerance (a swap of neighbours, e.g. vaccnies):")
    swaps = {"vaccnies", "seminra", "hoardnig"}
    for name in engines:
        mine = [r for r in results if r["engine"] == name and r["query"] in swaps]
        found = sum(passed(r["sections"], r["expected"]) for r in mine)
        print(f"  {name:22s} swaps found {found}/{len(mine)}; {EDITS.get(name.split()[0], '')}")
    print(
        f"\nsite's search box, keystroke to rendered results: median {statistics.median(latencies):.1f} ms, "
        f"worst {max(latencies):.1f} ms over {len(latencies)} queries"
    )
    fails = [r for r in ui_results if not passed(r["sections"], r["expected"])]
    for r in fails:
        print("  not first:", r["edition"], r["query"], r["kind"], "expected", r["expected"], "got", r["sections"][:6])


if __name__ == "__main__":
    main()
