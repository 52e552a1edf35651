"""What a page does while it starts, kept light for phones (issue 10, "Fast on a phone"; the timing
itself is a benchmark, scripts/bench_lighthouse.py).

- The colour palette is applied by assets/javascripts/workplan-palette.js while the header is parsed
  (Material's palette component is not mounted: overrides/partials/palette.html says why): the reader's
  light or dark preference picks the scheme before the first paint, a change of preference is followed,
  and the color-scheme and theme-color meta tags follow the page's colours, as Material's component did.
- Permalinks keep their citation as the browser's own tooltip: Material mounts no tooltip on them."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STATE = """() => {
    const meta = name => [...document.head.querySelectorAll(`meta[name="${name}"]`)].map(m => m.content);
    const bg = getComputedStyle(document.querySelector('header.md-header')).backgroundColor;
    const hex = '#' + bg.match(/\\d+/g).slice(0, 3).map(c => (+c).toString(16).padStart(2, '0')).join('');
    return {scheme: document.body.getAttribute('data-md-color-scheme'),
            media: document.body.getAttribute('data-md-color-media'),
            switching: document.body.hasAttribute('data-md-color-switching'),
            colorScheme: meta('color-scheme'), themeColor: meta('theme-color'), header: hex,
            checked: [...document.querySelectorAll('input[name=__palette]')].map(i => i.checked)};
}"""


@pytest.mark.parametrize("edition, path", [("zh-Hans", "glossary/"), ("en", "full/"), ("zh-Hant", "")])
def test_the_palette_follows_the_readers_preference_from_the_first_paint(browser, base_url, edition, path):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    # the scheme as the first paint sees it: read when the page's first content is parsed
    page.add_init_script("""document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') window.__firstScheme = document.body.getAttribute('data-md-color-scheme');
    });""")
    page.goto(f"{base_url}{edition}/{path}", wait_until="load")
    assert page.evaluate("window.__firstScheme") == "slate"
    state = page.evaluate(STATE)
    assert state["scheme"] == "slate" and state["media"] == "(prefers-color-scheme: dark)"
    assert state["colorScheme"] == ["dark"] and state["themeColor"] == [state["header"]]
    assert state["checked"] == [False, True]

    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(200)
    state = page.evaluate(STATE)
    assert state["scheme"] == "default" and state["media"] == "(prefers-color-scheme: light)"
    assert state["colorScheme"] == ["light"] and state["themeColor"] == [state["header"]]
    assert state["checked"] == [True, False]
    assert not state["switching"], "transitions are back on after the switch"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


def test_material_no_longer_restyles_the_page_for_its_palette_at_start_up(page, base_url):
    """Material's component marked the body data-md-color-switching at start-up (transitions off for
    every element, a restyle of the whole page); the palette is now set without that mark."""
    page.add_init_script("""window.__marks = 0;
        new MutationObserver(records => records.forEach(r => {
            if (r.attributeName === 'data-md-color-switching') window.__marks++;
        })).observe(document, {attributes: true, subtree: true});""")
    page.goto(f"{base_url}zh-Hans/glossary/", wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__marks") == 0
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"


def test_permalinks_keep_their_citation_as_a_plain_title_and_get_no_material_tooltip(page, base_url):
    page.goto(f"{base_url}en/sections/4/", wait_until="load")
    ref = "#item-4-3 a.wp-ref"
    assert page.get_attribute(ref, "title") == "CNIPA 2022 Work Plan §4.3"
    page.hover(ref)
    page.wait_for_timeout(600)  # Material shows its tooltip 250 ms after the pointer arrives
    assert page.get_attribute(ref, "title") == "CNIPA 2022 Work Plan §4.3"
    assert page.locator(".md-tooltip2").count() == 0
