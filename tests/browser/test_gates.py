"""The built site against the checkers the web trusts: Lighthouse, axe-core, the Nu HTML Checker, linkchecker.

Each checker is installed by `.ci/run` (npm: lighthouse, axe-core, vnu-jar; Debian: a Java runtime;
PyPI: linkchecker).  Where one is missing the gate is skipped with the reason, except under CI=true,
where a missing checker is a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, need
from lighthouse_run import LIGHTHOUSE, run

pytestmark = pytest.mark.browser
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EDITIONS = ["zh-Hans", "zh-Hant", "en"]
PAGES = {"home": "", "section": "sections/4/", "glossary": "glossary/", "full": "full/"}
GATED = ["accessibility", "best-practices", "seo"]
REPORTS = ROOT / "tests" / "artifacts" / "lighthouse"


PERFORMANCE = 95  # Lighthouse mobile performance, median of the runs (issue 10, "Fast on a phone")
# Chrome runs as chrome.lighthouse_flags() says: without paint holding (chrome.STEADY says why); the
# mobile runs' CPU slowdown is calibrated to the machine as scripts/lighthouse_run.py says.


def lighthouse(base_url: str, edition: str, name: str, label: str, categories: list[str],
               preset: str | None = None):
    return run(f"{base_url}{edition}/{PAGES[name]}", REPORTS / f"{edition}-{name}-{label}.json", categories,
               preset=preset)


def assert_gated_100(result: dict, what: str) -> None:
    scores = {k: v["score"] for k, v in result["categories"].items() if k in GATED}
    failing = [f"{ref['id']}: {result['audits'][ref['id']]['title']}"
               for cat in GATED for ref in result["categories"][cat]["auditRefs"]
               if ref["weight"] > 0 and (result["audits"][ref["id"]]["score"] or 1) < 1]
    print(f"lighthouse {what}: {scores}")
    assert all(scores[c] == 1 for c in GATED), (scores, failing)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_desktop_scores_100(compressed_base_url, edition, name):
    """Accessibility, best practices and SEO at 100 on a desktop (performance is gated on a phone)."""
    need(LIGHTHOUSE, "Lighthouse")
    desktop = lighthouse(compressed_base_url, edition, name, "desktop", GATED, preset="desktop")
    assert_gated_100(desktop.result, f"{edition} {name} desktop")


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_mobile_performance_95_and_the_rest_100(compressed_base_url, edition, name):
    """Lighthouse's mobile run (simulated slow 4G and a CPU slowdown calibrated to this run's
    benchmarkIndex, scripts/lighthouse_run.py; Chrome without paint holding, chrome.STEADY), pages
    served gzipped as a host serves them: performance at least 95, the median of three runs (where
    the median of three falls short, two more runs are made and the median of five decides), and
    accessibility, best practices and SEO at 100 in the first run.  Lighthouse's default 4x score of
    the same loads is printed beside it."""
    need(LIGHTHOUSE, "Lighthouse")
    first = lighthouse(compressed_base_url, edition, name, "mobile", ["performance"] + GATED)
    assert_gated_100(first.result, f"{edition} {name} mobile")
    runs = [first] + [lighthouse(compressed_base_url, edition, name, f"perf-{n}", ["performance"]) for n in (1, 2)]
    if statistics.median(r.performance or 0 for r in runs) < PERFORMANCE:  # a run Lighthouse could not score counts 0
        runs += [lighthouse(compressed_base_url, edition, name, f"perf-{n}", ["performance"]) for n in (3, 4)]
    scores = [r.performance or 0 for r in runs]
    tbt = [round(r.result["audits"]["total-blocking-time"]["numericValue"]) for r in runs]
    defaults = [r.default_performance for r in runs]
    print(f"lighthouse {edition} {name} mobile performance: {scores}, median {statistics.median(scores)} "
          f"(TBT ms {tbt}; CPU slowdown {[r.multiplier for r in runs]} for benchmarkIndex "
          f"{[round(r.benchmark_index) for r in runs]}; Lighthouse's default 4x: {defaults}; load {os.getloadavg()[0]:.2f})")
    assert statistics.median(scores) >= PERFORMANCE, (scores, "TBT ms", tbt, "4x", defaults)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(axe, base_url, edition, name):
    page = axe.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base_url}{edition}/{PAGES[name]}", wait_until="networkidle")
    violations = axe.violations(page)
    assert not violations, violations


def test_nu_html_checker_finds_no_error(site):
    need(VNU, "the Nu HTML Checker (vnu-jar)")
    need("java", "a Java runtime")
    pages = sorted(str(p) for p in site.rglob("*.html") if "/assets/" not in str(p))
    out = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(out.stderr or out.stdout or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").split("/site/")[-1], m.get("lastLine"), m["message"]) for m in messages
              if m.get("type") == "error"]
    assert not errors, errors[:10]


def test_linkchecker_finds_no_broken_link_or_anchor(base_url):
    linkchecker = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "linkchecker"
    if not linkchecker.exists():
        linkchecker = Path(shutil.which("linkchecker") or linkchecker)
    need(linkchecker, "linkchecker")
    out = subprocess.run([str(linkchecker), "-f", str(ROOT / "tests" / "gates" / "linkcheckerrc"), "--no-status",
                          base_url], capture_output=True, text=True, timeout=600)
    summary = [line for line in out.stdout.splitlines() if "links in" in line]
    print(summary)
    assert out.returncode == 0, out.stdout[-3000:]
    assert summary and " 0 errors found" in summary[0] and " 0 warnings found" in summary[0], summary
