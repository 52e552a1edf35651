"""The built site against the checkers the web trusts: Lighthouse, axe-core and the Nu HTML Checker.
Links and anchors are checked in the built files (tests/test_links.py).

Each checker is installed by `.ci/run` (npm: lighthouse, axe-core, vnu-jar; Debian: a Java runtime).
Where one is missing the gate is skipped with the reason, except under CI=true, where a missing
checker is a failure.  Every verdict here is a count or a score that does not depend on the
machine's speed: Lighthouse's performance score does, and is a benchmark (scripts/bench_lighthouse.py).
"""

from __future__ import annotations

import json
import subprocess

import pytest

from helpers import ROOT, need
from lighthouse_run import LIGHTHOUSE, run

pytestmark = pytest.mark.gate
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EDITIONS = ["zh-Hans", "zh-Hant", "en"]
PAGES = {"home": "", "section": "sections/4/", "glossary": "glossary/", "full": "full/"}
GATED = ["accessibility", "best-practices", "seo"]
REPORTS = ROOT / "tests" / "artifacts" / "lighthouse"


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_on_a_phone_scores_100(compressed_base_url, edition, name):
    """Lighthouse's mobile run (its default phone), pages served gzipped as a host serves them:
    accessibility, best practices and SEO at 100."""
    need(LIGHTHOUSE, "Lighthouse")
    result = run(
        f"{compressed_base_url}{edition}/{PAGES[name]}",
        REPORTS / f"{edition}-{name}-mobile.json",
        GATED,
        calibrate=False,
    ).result
    scores = {k: v["score"] for k, v in result["categories"].items() if k in GATED}
    failing = [
        f"{ref['id']}: {result['audits'][ref['id']]['title']}"
        for cat in GATED
        for ref in result["categories"][cat]["auditRefs"]
        if ref["weight"] > 0 and (result["audits"][ref["id"]]["score"] or 1) < 1
    ]
    assert all(scores[c] == 1 for c in GATED), (scores, failing)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.browser
def test_axe_finds_no_violation(axe, base_url, edition, name):
    page = axe.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base_url}{edition}/{PAGES[name]}", wait_until="networkidle")
    violations = axe.violations(page)
    assert not violations, violations


def test_nu_html_checker_finds_no_error(site):
    need(VNU, "the Nu HTML Checker (vnu-jar)")
    need("java", "a Java runtime")
    pages = sorted(str(p) for p in site.rglob("*.html") if "/assets/" not in str(p))
    out = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(out.stderr or out.stdout or '{"messages": []}')["messages"]
    errors = [
        (m.get("url", "").split("/site/")[-1], m.get("lastLine"), m["message"])
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, errors[:10]


FIRST_LOAD_KB = 80  # a section page's first load, gzip, what a phone on a slow network fetches
FIRST_LOAD_REQUESTS = 15


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_load_of_a_section_page_is_within_budget(browser, base_url, edition):
    """Every response of the page's first load (until the network has been idle), gzip-compressed as the
    host sends text; the service worker's later fetches of the whole edition are not the page's."""
    import gzip
    from urllib.parse import urlparse

    context = browser.new_context(service_workers="block")
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{base_url}{edition}/sections/4/", wait_until="networkidle")
    rows = [(r.url, len(gzip.compress(r.body(), 6))) for r in responses]
    context.close()
    origins = {urlparse(url).netloc for url, _ in rows}
    total = sum(size for _, size in rows) / 1024
    print(f"first load {edition}: {total:.1f} KB gzip, {len(rows)} requests")
    assert origins == {urlparse(base_url).netloc}, origins
    assert total <= FIRST_LOAD_KB, (round(total, 1), sorted(rows, key=lambda r: -r[1])[:5])
    assert len(rows) <= FIRST_LOAD_REQUESTS, [url for url, _ in rows]
