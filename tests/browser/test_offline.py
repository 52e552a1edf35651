"""Offline after one visit, and a new deploy replacing the cache whole.

A plain build (SITE_URL unset) is served under a sub-path on a port the OS gives; the server is
then stopped, so "offline" is a refused connection, not an emulation the worker could bypass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from helpers import build_with, make_root
from static_server import serve

pytestmark = pytest.mark.browser
SUB = "u/repo/"


class Server:
    def __init__(self, site: Path):
        self.httpd, self.url = serve(site, path=SUB)

    def stop(self):
        self.httpd.close()


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
def test_offline_after_one_visit_pages_search_glossary(browser, plain_site, edition, query):
    server = Server(plain_site)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.url}{edition}/sections/2/", wait_until="networkidle")
    wait_until_controlled(page)
    scope = f"/{SUB}{edition}/"
    sizes = page.evaluate(CACHE_SIZE, f"workplan:{scope}:")
    assert len(sizes) == 1, sizes
    ((_name, size),) = sizes.items()
    print(f"service worker cache {edition}: {size['files']} files, {size['bytes'] / 1024:.0f} KB")
    server.stop()

    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, check in [
        ("sections/7/", "#item-7-1"),
        ("full/", "#item-8-1"),
        ("glossary/", "#hague-agreement"),
        ("", "h1"),
        ("sections/4/?h=patent", "#item-4-3"),
    ]:
        page.goto(f"{server.url}{edition}/{path}")
        assert page.locator(check).count() == 1, path
        assert page.evaluate("document.documentElement.lang") == edition
    page.goto(f"{server.url}{edition}/sections/4/")
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.click(".md-search-result__item a >> nth=0")
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    # another edition is not this worker's: offline it is not served
    other = "zh-Hans" if edition != "zh-Hans" else "en"
    with pytest.raises(PlaywrightError, match="ERR_"):  # a network error: refused, not served from a cache
        page.goto(f"{server.url}{other}/sections/7/")
    assert not errors, errors
    context.close()


# A plan of its own, small: what the worker caches is the build's whole tree, whatever the plan.
PLAN = (
    "某局2023年工作要点\n总体思路。\n一、第一部分。任务甲。任务乙。\n二、第二部分。任务丙。\n三、第三部分。任务丁。\n"
)


def test_a_second_build_replaces_the_cache_whole(browser, tmp_path):
    root = make_root(tmp_path / "r")
    source = tmp_path / "plan.zh-Hans.txt"
    source.write_text(PLAN, encoding="utf-8")
    site = build_with(root, None, source, downloads=False)
    server = Server(site)
    context = browser.new_context()
    page = context.new_page()
    home = f"{server.url}zh-Hans/"
    page.goto(home, wait_until="networkidle")
    wait_until_controlled(page)
    prefix = f"workplan:/{SUB}zh-Hans/:"
    # another site on the same origin (another project path): never touched
    page.evaluate(
        "caches.open('workplan:/u/other-site/zh-Hans/:0123').then(c => c.put('/u/other-site/x', new Response('x')))"
    )
    first = page.evaluate(CACHE_SIZE, prefix)
    assert len(first) == 1
    title = page.locator("h1").inner_text().strip()

    new_title = "某局2023年工作要点（修订）"
    source.write_text(PLAN.replace("某局2023年工作要点", new_title, 1), encoding="utf-8")
    build_with(root, None, source, downloads=False)

    page.goto(home, wait_until="networkidle")  # the browser finds the new sw.js; it installs the new build
    poll(
        page,
        f"""async prefix => {{ const names = (await caches.keys()).filter(n => n.startsWith(prefix));
        return names.length === 1 && names[0] !== {next(iter(first))!r}; }}""",
        prefix,
    )
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
