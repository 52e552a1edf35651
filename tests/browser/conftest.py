"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Without /usr/bin/chromium the browser tests are skipped with a visible reason, except under
CI=true, where a missing browser is a failure (.ci/run installs it).
"""

from __future__ import annotations

import os

import pytest

from chrome import ARGS, CHROMIUM
from helpers import ROOT, need
from static_server import serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def base_url(site):
    """The session's build served on a port the OS gives (its public address is elsewhere: PUBLISHED),
    by the tests' one static server: text gzipped as a host serves it, the site's 404.html for a
    missing file (scripts/static_server.py)."""
    server, base = serve(site)
    yield base
    server.close()


@pytest.fixture(scope="session")
def compressed_base_url(base_url):
    """What Lighthouse measures: the same server (its simulated slow 4G charges every byte on the wire)."""
    return base_url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}: the browser tests cannot be skipped in CI")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def watch():
    """`watch(page)` starts recording what goes wrong in the page and returns the list it fills:
    console errors (and warnings, with warnings=True; a script-policy violation is a console error),
    uncaught page errors, HTTP error responses and failed requests.  A request still in flight when
    the test goes to the next page is cancelled (net::ERR_ABORTED): not a failure of the site; a
    missing file shows as an HTTP error response (or ERR_FILE_NOT_FOUND from file://)."""

    def start(page, warnings: bool = False) -> list[str]:
        problems: list[str] = []
        kinds = ("error", "warning") if warnings else ("error",)
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in kinds else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        page.on(
            "requestfailed",
            lambda r: None if r.failure == "net::ERR_ABORTED" else problems.append(f"failed: {r.url} {r.failure}"),
        )
        return problems

    return start


class Axe:
    """axe-core run in a page.  axe is injected as an inline script, which the pages' script policy
    forbids: the contexts made here, and only they, bypass the policy (test_policy.py checks it)."""

    TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")

    def __init__(self, browser):
        self.browser, self.contexts = browser, []

    def new_context(self, **options):
        context = self.browser.new_context(bypass_csp=True, **options)
        self.contexts.append(context)
        return context

    def violations(self, page) -> list:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", self.TAGS)
        return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.fixture
def axe(browser):
    need(AXE, "axe-core")
    runner = Axe(browser)
    yield runner
    for context in runner.contexts:
        context.close()
