"""Read it anywhere: a copy of site/ served from another origin under a sub-path works unchanged.

Two builds are served, each under /course/cnipa/ on a random port of 127.0.0.1:
  - plain:  SITE_URL unset (what `make site` gives a new user);
  - mirror: SITE_URL naming another host (a copy of the published site on a mirror).
Every page type of every edition must load with zero requests outside the serving origin, no HTTP
error, no failed request and nothing on the console (a Content-Security-Policy violation is a console
error too); the language selector must land on the same page and item inside the copy.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from static_server import serve

pytestmark = pytest.mark.browser
EDITIONS = ["zh-Hans", "zh-Hant", "en"]
PAGE_TYPES = {"home": "", "section": "sections/4/", "glossary": "glossary/", "full": "full/"}
SUB_PATH = "course/cnipa/"


@pytest.fixture(scope="session", params=["plain", "mirror"])
def copy_url(request):
    """The site served at http://127.0.0.1:<random port>/course/cnipa/."""
    server, base = serve(request.getfixturevalue(f"{request.param}_site"), path=SUB_PATH)
    yield base
    server.close()


def watch_origin(watch, page, origin: str) -> list[str]:
    """What goes wrong in the page (console errors and warnings too), and any request to another origin."""
    problems = watch(page, warnings=True)
    page.on(
        "request",
        lambda r: (
            problems.append(f"foreign: {r.url}")
            if urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != origin
            else None
        ),
    )
    return problems


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_type_loads_cleanly_from_another_origin_and_sub_path(page, watch, copy_url, edition):
    problems = watch_origin(watch, page, urlparse(copy_url).netloc)
    for name, path in PAGE_TYPES.items():
        page.goto(f"{copy_url}{edition}/{path}", wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == edition, name
        if name == "section":  # search loads its worker and index from the copy too
            page.click("input.md-search__input")
            page.keyboard.type("RCEP" if edition == "en" else "海牙", delay=20)
            page.keyboard.press("End")  # Chinese arrives as text (like an IME); a key event runs the query
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            page.keyboard.press("Escape")
    assert not problems, problems


@pytest.mark.parametrize("source, target", [("zh-Hans", "en"), ("en", "zh-Hant"), ("zh-Hant", "zh-Hans")])
def test_language_selector_stays_inside_the_copy_on_the_same_item(page, watch, copy_url, source, target):
    problems = watch_origin(watch, page, urlparse(copy_url).netloc)
    page.goto(f"{copy_url}{source}/sections/6/#item-6-5", wait_until="networkidle")
    page.hover(".md-header__option .md-select")
    page.click(f'a.wp-alternate[hreflang="{target}"]')
    page.wait_for_url(f"{copy_url}{target}/sections/6/#item-6-5")
    assert page.evaluate("document.documentElement.lang") == target
    page.goto(f"{copy_url}{source}/glossary/#hague-agreement", wait_until="networkidle")
    page.hover(".md-header__option .md-select")
    page.click(f'a.wp-alternate[hreflang="{target}"]')
    page.wait_for_url(f"{copy_url}{target}/glossary/#hague-agreement")
    assert not problems, problems
