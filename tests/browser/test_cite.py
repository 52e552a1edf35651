"""What only a browser shows of the trainer's kit: ranges of items (#item-4-3-to-4-5) with and
without JavaScript, and the cite menu (one item, a shift-click range) from http:// and file://."""

from __future__ import annotations

import json

import pytest

from helpers import PUBLISHED
from workplan.editions import EDITIONS

pytestmark = pytest.mark.browser
CODES = [e.code for e in EDITIONS]
RANGE = "sections/4/#item-4-3-to-4-5"


def marked(page) -> list[str]:
    return page.eval_on_selector_all(".wp-item.wp-in-range", "els => els.map(e => e.id)")


@pytest.mark.parametrize("code", CODES)
def test_range_marks_exactly_those_items_and_scrolls_to_the_first(page, base_url, code):
    page.goto(f"{base_url}{code}/{RANGE}")
    page.wait_for_function("document.querySelector('.wp-item.wp-in-range')")
    assert marked(page) == ["item-4-3", "item-4-4", "item-4-5"]
    top = page.eval_on_selector("#item-4-3", "e => e.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2, top
    assert page.evaluate("window.scrollY") > 0
    # another range on the same page: the marks follow the address
    page.evaluate("location.hash = '#item-4-6-to-4-7'")
    page.wait_for_function("document.querySelectorAll('.wp-item.wp-in-range').length === 2")
    assert marked(page) == ["item-4-6", "item-4-7"]


@pytest.mark.parametrize("code", CODES)
def test_range_without_javascript_lands_at_the_top_of_the_section(browser, base_url, code):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}{code}/{RANGE}")
    assert page.evaluate("window.scrollY") == 0
    assert page.eval_on_selector("h1", "e => e.getBoundingClientRect().top") < 900
    assert page.query_selector_all(".wp-in-range") == []
    assert page.query_selector("#item-4-3") is not None
    context.close()


def cite_data(page) -> dict:
    return json.loads(page.text_content("#wp-cite-data"))


def choose(page, item: str, style: str, shift: bool = False) -> str:
    # the wait below is for this copy, not an earlier one from the same button
    page.evaluate("id => document.querySelector('#' + id + ' button.wp-cite')?.removeAttribute('data-copied')", item)
    page.click(f"#{item} button.wp-cite", modifiers=["Shift"] if shift else [])
    page.click(f'.wp-cite-menu button[data-style="{style}"]')
    page.wait_for_function(
        "id => document.querySelector('#' + id + ' button.wp-cite').getAttribute('data-copied')", arg=item
    )
    return page.get_attribute(f"#{item} button.wp-cite", "data-copied")


@pytest.mark.parametrize("code", CODES)
def test_cite_menu_copies_one_item_and_a_shift_click_range(browser, base_url, code):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}{code}/sections/4/", wait_until="networkidle")
    data = cite_data(page)
    styles = {s["key"]: s["template"] for s in data["styles"]}
    labels = [s["label"] for s in data["styles"]]
    # the menu's script and styles load on the first press of a Cite button, not with the page
    assert not [u for u in requested if "workplan-cite-menu" in u or "/workplan-cite.css" in u], requested
    page.click("#item-4-3 button.wp-cite")
    page.wait_for_selector(".wp-cite-menu .wp-cite-label")
    assert [u for u in requested if u.endswith("/workplan-cite-menu.js")] and [
        u for u in requested if u.endswith("/workplan-cite.css")
    ]
    shown = page.eval_on_selector_all(".wp-cite-menu .wp-cite-label", "els => els.map(e => e.textContent)")
    assert shown == [*labels, data["ui"]["link"], data["ui"]["range_from"]]
    page.keyboard.press("Escape")
    assert page.query_selector(".wp-cite-menu") is None

    item_url = f"{base_url}{code}/sections/4/#item-4-3"  # citations name the address the page is served at
    got = choose(page, "item-4-3", "chicago")
    assert got == styles["chicago"].replace("{pin}", "§4.3").replace("{url}", item_url)
    assert page.evaluate("navigator.clipboard.readText()") == got

    range_url = f"{base_url}{code}/sections/4/#item-4-3-to-4-5"
    got = choose(page, "item-4-5", "gbt7714", shift=True)
    assert got == styles["gbt7714"].replace("{pin}", "§4.3–4.5").replace("{url}", range_url)
    assert marked(page) == ["item-4-3", "item-4-4", "item-4-5"]
    got = choose(page, "item-4-5", "link", shift=True)
    assert got == range_url
    context.close()


def test_cite_menu_works_from_file_urls(browser, site):
    """No fetch: the strings are in the page, so a copy opened from disk cites the public address."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "en" / "sections" / "4" / "index.html").as_uri())
    data = cite_data(page)
    got = choose(page, "item-4-2", "apa")
    apa = next(s["template"] for s in data["styles"] if s["key"] == "apa")
    assert got == apa.replace("{pin}", "§4.2").replace("{url}", data["public"] + "sections/4/#item-4-2")
    assert data["public"] == f"{PUBLISHED}en/"
    context.close()
