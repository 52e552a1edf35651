"""The offline copy, unzipped and opened from file:// as a double-click would: navigate, switch
language (same page and item), follow a glossary link, search (Chinese and English), with nothing
on the console (a CSP violation is a console error) and no request other than file: URLs."""

from __future__ import annotations

import zipfile

import pytest

from workplan.outputs.offline_copy import FOLDER, PATH

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def copy(site, tmp_path_factory):
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site / PATH) as archive:
        archive.extractall(target)
    return (target / FOLDER).as_uri() + "/"


def watch_files(watch, page) -> list[str]:
    """What goes wrong in the page (console errors and warnings too), and any request not for a file."""
    problems = watch(page, warnings=True)
    page.on(
        "request",
        lambda r: problems.append(f"not a file: {r.url}") if not r.url.startswith(("file:", "data:")) else None,
    )
    return problems


def search(page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_navigate_switch_language_glossary_from_file(page, watch, copy):
    problems = watch_files(watch, page)
    page.goto(f"{copy}index.html")
    page.click('a[hreflang="zh-Hans"]')
    page.wait_for_url(f"{copy}zh-Hans/index.html")
    page.click("article a[href='sections/7.html'] >> nth=0")
    page.wait_for_url(f"{copy}zh-Hans/sections/7.html")
    assert page.locator("#item-7-1").count() == 1
    page.goto(f"{copy}zh-Hans/sections/6.html#item-6-5")
    page.hover(".md-header__option .md-select")
    page.click('a.wp-alternate[hreflang="en"]')
    page.wait_for_url(f"{copy}en/sections/6.html#item-6-5")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.goto(f"{copy}zh-Hant/sections/7.html")
    page.click('#item-7-1 a.wp-term[href$="#hague-agreement"]')  # opens the term's card in place
    page.locator(".wp-card a").first.click()  # its link to the full entry
    page.wait_for_url(f"{copy}zh-Hant/glossary.html#hague-agreement")
    page.goto(f"{copy}en/full.html")
    assert page.locator("#item-8-1").count() == 1
    assert not problems, problems


@pytest.mark.parametrize(
    "edition, query, section", [("zh-Hans", "海牙协定", 7), ("zh-Hant", "地理標誌", 3), ("en", "Hague", 7)]
)
def test_search_works_from_file(page, watch, copy, edition, query, section):
    problems = watch_files(watch, page)
    page.goto(f"{copy}{edition}/sections/1.html")
    links = search(page, query)
    assert links and all(link.startswith(f"{copy}{edition}/") for link in links), links
    assert any(f"/sections/{section}.html" in link for link in links), links
    index = next(i for i, link in enumerate(links) if f"/sections/{section}.html" in link)
    page.locator(".md-search-result__item > a").nth(index).click()
    page.wait_for_url(f"{copy}{edition}/sections/{section}.html*")
    assert page.locator("article h1").count() == 1
    assert not problems, problems
