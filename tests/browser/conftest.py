"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Without /usr/bin/chromium the browser tests are skipped with a visible reason, except under
CI=true, where a missing browser is a failure (.ci/run installs it).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # linkchecker throttles every host to 2-10 requests a second unless the server says
        # it welcomes the checker with this header (linkcheck/checker/httpurl.py)
        self.send_header("LinkChecker", "welcome")
        super().end_headers()


@pytest.fixture(scope="session")
def base_url(site, site_port):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def compressed_base_url(site):
    """The same site served as a real host serves it: text gzip-compressed (scripts/static_server.py).
    What Lighthouse measures, since its simulated slow 4G charges every byte on the wire."""
    from static_server import serve

    server, base = serve(site)
    yield base
    server.shutdown()


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
