"""What a page does while it starts, kept light for phones (issue 10, "Fast on a phone"; the timing
itself is gated in test_gates.py and measured by scripts/bench_lighthouse.py).

- The colour palette is applied by assets/javascripts/workplan-palette.js while the header is parsed
  (Material's palette component is not mounted: overrides/partials/palette.html says why): the reader's
  light or dark preference picks the scheme before the first paint, a change of preference is followed,
  and the color-scheme and theme-color meta tags follow the page's colours, as Material's component did.
- Permalinks keep their citation as the browser's own tooltip: Material mounts no tooltip on them."""

from __future__ import annotations

import pytest

from page_tools import control_tooltip, settle

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
        if (document.readyState === 'interactive')
            window.__firstScheme = document.body.getAttribute('data-md-color-scheme');
    });""")
    page.goto(f"{base_url}{edition}/{path}", wait_until="load")
    assert page.evaluate("window.__firstScheme") == "slate"
    state = page.evaluate(STATE)
    assert state["scheme"] == "slate" and state["media"] == "(prefers-color-scheme: dark)"
    assert state["colorScheme"] == ["dark"] and state["themeColor"] == [state["header"]]
    assert state["checked"] == [False, True]

    page.emulate_media(color_scheme="light")
    for _ in range(100):  # the media query's change event, however loaded the machine
        state = page.evaluate(STATE)
        if state["scheme"] == "default":
            break
        page.wait_for_timeout(50)
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
    settle(page)
    assert page.evaluate("window.__marks") == 0
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"


def test_permalinks_keep_their_citation_as_a_plain_title_and_get_no_material_tooltip(page, base_url):
    page.clock.install()  # Material shows its tooltip 250 ms after the pointer arrives: on the page's own clock
    page.goto(f"{base_url}en/sections/4/", wait_until="load")
    control_tooltip(page)
    ref = "#item-4-3 a.wp-ref"
    assert page.get_attribute(ref, "title") == "CNIPA 2022 Work Plan §4.3"
    page.hover(ref)
    page.clock.run_for(1000)
    assert page.get_attribute(ref, "title") == "CNIPA 2022 Work Plan §4.3"
    assert page.locator(".md-tooltip2").count() == 0


SKIPPED = "sel => getComputedStyle(document.querySelector(sel)).contentVisibility"
# a point of the popup outside its block's box, and whether the popup is what is drawn there (paint
# containment would clip it: the point would hit the page behind)
DRAWN_OUTSIDE = """([popup, block]) => {
    const p = document.querySelector(popup).getBoundingClientRect();
    const b = document.querySelector(popup).closest(block).getBoundingClientRect();
    const y = Math.max(b.bottom + 2, p.top + 2);
    if (y > p.bottom - 2) return null;
    const hit = document.elementFromPoint(p.left + p.width / 2, y);
    return Boolean(hit && hit.closest(popup));
}"""


@pytest.mark.parametrize("edition", ["zh-Hans", "en"])
def test_long_pages_skip_what_is_off_screen_and_draw_an_open_popup_whole(browser, base_url, edition):
    """The full text and the glossary (`long_page` in the front matter: the article is `wp-long`) skip
    items and entries off screen (content-visibility); a section page does not.  A cite menu or term
    card opened in an item is drawn whole, also where it reaches past the item's box, and the item is
    skipped again once it closes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}{edition}/sections/4/", wait_until="load")
    assert page.evaluate(SKIPPED, "#item-4-5") == "visible"
    page.goto(f"{base_url}{edition}/glossary/", wait_until="load")
    # each entry is one box, skipped whole; never the last (its estimate would put the footer under its text)
    assert page.evaluate(SKIPPED, "article > .wp-entry:nth-last-child(2)") == "auto"
    assert page.evaluate(SKIPPED, "article > .wp-entry:last-child") == "visible"
    page.goto(f"{base_url}{edition}/full/", wait_until="load")
    assert page.evaluate("document.querySelector('article').classList.contains('wp-long')")
    item = "#item-8-1"
    assert page.evaluate(SKIPPED, item) == "auto"
    page.locator(f"{item} button.wp-cite").scroll_into_view_if_needed()
    page.locator(f"{item} button.wp-cite").click()
    page.wait_for_selector(".wp-cite-menu .wp-cite-label")
    assert page.evaluate(SKIPPED, item) == "visible"
    assert page.evaluate(DRAWN_OUTSIDE, [".wp-cite-menu", ".wp-item"]) is True
    page.keyboard.press("Escape")
    assert page.query_selector(".wp-cite-menu") is None and page.evaluate(SKIPPED, item) == "auto"
    term = page.locator(".wp-item a.wp-term").last
    holder = term.evaluate("a => '#' + a.closest('.wp-item').id")
    term.scroll_into_view_if_needed()
    term.click()
    page.wait_for_selector(".wp-card")
    assert page.evaluate(SKIPPED, holder) == "visible"
    assert page.evaluate(DRAWN_OUTSIDE, [".wp-card", ".wp-item"]) is True
    page.keyboard.press("Escape")
    assert page.query_selector(".wp-card") is None and page.evaluate(SKIPPED, holder) == "auto"
    context.close()
