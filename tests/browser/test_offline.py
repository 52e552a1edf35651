"""Offline after one visit, and a new deploy replacing the cache whole.

The site is built (SITE_URL unset) and served under a sub-path on a random port; the server is then
stopped, so "offline" is a refused connection, not an emulation the worker could bypass.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from helpers import SOURCE, build_with, make_root

pytestmark = pytest.mark.browser
SUB = "u/repo/"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    def __init__(self, site: Path, tmp: Path):
        served = tmp / "served"
        (served / SUB).parent.mkdir(parents=True, exist_ok=True)
        if not (served / SUB.rstrip("/")).exists():
            os.symlink(site, served / SUB.rstrip("/"))
        handler = functools.partial(Quiet, directory=str(served))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{SUB}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def poll(page, script: str, arg=None, seconds: float = 30):
    """page.wait_for_function compiles its predicate with eval, which the pages' CSP forbids."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"not true within {seconds} s: {script}")


def wait_until_controlled(page):
    poll(page, "() => navigator.serviceWorker.controller !== null")


CACHE_SIZE = """async prefix => {
    const out = {};
    for (const name of await caches.keys()) {
        if (!name.startsWith(prefix)) continue;
        const cache = await caches.open(name);
        let bytes = 0, files = 0;
        for (const request of await cache.keys()) {
            bytes += (await (await cache.match(request)).blob()).size;
            files += 1;
        }
        out[name] = {bytes, files};
    }
    return out;
}"""


@pytest.mark.parametrize("edition, query", [("en", "RCEP"), ("zh-Hant", "海牙")])
def test_offline_after_one_visit_pages_search_glossary(browser, tmp_path, edition, query):
    site = build_with(make_root(tmp_path / "r"), None)
    server = Server(site, tmp_path)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.url}{edition}/sections/2/", wait_until="networkidle")
    wait_until_controlled(page)
    scope = f"/{SUB}{edition}/"
    sizes = page.evaluate(CACHE_SIZE, f"workplan:{scope}:")
    assert len(sizes) == 1, sizes
    (name, size), = sizes.items()
    print(f"service worker cache {edition}: {size['files']} files, {size['bytes'] / 1024:.0f} KB")
    server.stop()

    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, check in [("sections/7/", "#item-7-1"), ("full/", "#item-8-1"), ("glossary/", "#hague-agreement"),
                        ("", "h1"), ("sections/4/?h=patent", "#item-4-3")]:
        page.goto(f"{server.url}{edition}/{path}")
        assert page.locator(check).count() == 1, path
        assert page.evaluate("document.documentElement.lang") == edition
    page.goto(f"{server.url}{edition}/sections/4/")
    page.click("input.md-search__input")
    page.wait_for_timeout(300)
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.click(".md-search-result__item a >> nth=0")
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    # another edition is not this worker's: offline it is not served
    other = "zh-Hans" if edition != "zh-Hans" else "en"
    with pytest.raises(Exception):
        page.goto(f"{server.url}{other}/sections/7/")
    assert not errors, errors
    context.close()


def test_a_second_build_replaces_the_cache_whole(browser, tmp_path):
    root = make_root(tmp_path / "r")
    site = build_with(root, None)
    server = Server(site, tmp_path)
    context = browser.new_context()
    page = context.new_page()
    home = f"{server.url}zh-Hans/"
    page.goto(home, wait_until="networkidle")
    wait_until_controlled(page)
    prefix = f"workplan:/{SUB}zh-Hans/:"
    # another site on the same origin (another project path): never touched
    page.evaluate("caches.open('workplan:/u/other-site/zh-Hans/:0123').then(c => c.put('/u/other-site/x', new Response('x')))")
    first = page.evaluate(CACHE_SIZE, prefix)
    assert len(first) == 1
    title = page.locator("h1").inner_text().strip()

    text = SOURCE.read_text(encoding="utf-8")
    old_title = text.splitlines()[0]
    new_title = old_title.replace("工作要点", "工作要点（修订）")
    source = tmp_path / "revised.zh-Hans.txt"
    source.write_text(text.replace(old_title, new_title, 1), encoding="utf-8")
    build_with(root, None, source, downloads=False)  # pages and data: what the worker caches is replaced whole

    page.goto(home, wait_until="networkidle")  # the browser finds the new sw.js; it installs the new build
    poll(page, """async prefix => { const names = (await caches.keys()).filter(n => n.startsWith(prefix));
        return names.length === 1 && names[0] !== %r; }""" % next(iter(first)), prefix)
    page.goto(home)
    assert page.locator("h1").inner_text().strip() == new_title != title
    second = page.evaluate(CACHE_SIZE, prefix)
    assert len(second) == 1 and second.keys() != first.keys()
    assert "workplan:/u/other-site/zh-Hans/:0123" in page.evaluate("caches.keys()")
    server.stop()
    page.goto(f"{server.url}zh-Hans/sections/3/")  # offline: the new build, whole
    assert page.locator("h1").count() == 1
    assert new_title in page.title()
    context.close()


def test_the_preview_pages_register_no_worker(browser, tmp_path):
    """make serve's live preview renders with Content.preview (see workplan/serve.py)."""
    root = make_root(tmp_path / "r")
    from workplan.build import build

    build(SOURCE, root=root, preview=True)
    assert not list((root / "site").rglob("sw.js"))
    server = Server(root / "site", tmp_path)
    page = browser.new_page()
    page.goto(f"{server.url}en/sections/1/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    page.close()
    server.stop()
