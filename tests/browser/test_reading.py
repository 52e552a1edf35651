"""Reading aids in a browser: the term card in place (phone + touch, desktop + mouse, desktop +
keyboard, every edition), the pinyin ruby toggle of the Chinese editions, and what loads when."""

from __future__ import annotations

import json
import re

import pytest

from helpers import ROOT
from page_tools import control_tooltip, settle

pytestmark = pytest.mark.browser
EDITIONS = ["zh-Hans", "zh-Hant", "en"]
TERM = "hague-agreement"  # linked from §7.1 in every edition
LINK = f'#item-7-1 a.wp-term[href$="#{TERM}"]'
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def glossary(site):
    return {t["id"]: t for t in json.loads((site / "zh-Hans" / "glossary.json").read_text(encoding="utf-8"))["terms"]}


def open_page(browser, base_url, edition, device, new_context=None):
    """Section 7 on a phone or a desktop; `new_context` (default: browser.new_context) makes the context."""
    context = (new_context or browser.new_context)(**(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    page.set_default_timeout(15000)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base_url}{edition}/sections/7/", wait_until="networkidle")
    return context, page, requests


def card_fits(page):
    box = page.locator(".wp-card").bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    return (
        box["x"] >= 0
        and box["x"] + box["width"] <= width
        and page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    )


def check_card(page, edition, glossary, url):
    card = page.locator(".wp-card")
    card.wait_for()
    assert card.get_attribute("role") == "dialog"
    assert page.url == url, "the page did not navigate"
    term = glossary[TERM]
    text = card.inner_text()
    names = {"zh-Hans": term["zh-Hans"], "zh-Hant": term["zh-Hant"], "en": term["en"]}
    for code, name in names.items():
        assert name in text, (code, name)
    assert term["pinyin"] in text and term["pinyin"] == "hǎiyá xiédìng"
    assert page.locator(".wp-card a").get_attribute("href").endswith(f"glossary/#{TERM}")
    assert card_fits(page)
    assert page.evaluate("document.activeElement.closest('.wp-card') !== null"), "focus moves into the card"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("device", ["phone", "desktop-mouse", "desktop-keyboard"])
def test_term_card_opens_in_place_and_closes(browser, base_url, edition, device, glossary):
    context, page, requests = open_page(browser, base_url, edition, "phone" if device == "phone" else "desktop")
    url = page.url
    link = page.locator(LINK)
    link.scroll_into_view_if_needed()
    after = page.locator("#item-7-2")
    before_box = after.bounding_box()
    assert not any("/reading/" in r for r in requests), "no card data before the first tap"
    if device == "phone":
        link.tap()
    elif device == "desktop-mouse":
        link.click()
    else:
        link.focus()
        settle(page)
        assert page.locator(".wp-card").count() == 0, "focus alone must not open the card"
        page.keyboard.press("Enter")
    check_card(page, edition, glossary, url)
    assert after.bounding_box() == before_box, "opening the card shifts no layout"
    assert link.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.locator(".wp-card").count() == 0
    assert (
        page.evaluate("document.activeElement.matches('a.wp-term')")
        and page.evaluate("document.activeElement.hash") == f"#{TERM}"
    ), "focus returns to the term"
    assert link.get_attribute("aria-expanded") == "false"
    settle(page)
    assert page.locator(".wp-card").count() == 0, "focus back on the term does not reopen the card"
    # open again, then a tap or click elsewhere closes it
    if device == "phone":
        link.tap()
        page.locator(".wp-card").wait_for()
        page.locator("h1").tap()
    else:
        link.click()
        page.locator(".wp-card").wait_for()
        page.locator("h1").click()
    assert page.locator(".wp-card").count() == 0
    assert page.url == url
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_axe_is_clean_with_a_card_open(browser, axe, base_url, edition):
    for device in ("phone", "desktop"):
        context, page, _ = open_page(browser, base_url, edition, device, axe.new_context)
        page.locator(LINK).click()
        page.locator(".wp-card").wait_for()
        violations = axe.violations(page)
        assert not violations, (device, violations)
        context.close()


def test_card_fits_a_320px_screen_for_every_term_on_the_page(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}zh-Hans/sections/7/", wait_until="networkidle")
    links = page.locator("a.wp-term")
    assert links.count() > 5
    for k in range(links.count()):
        links.nth(k).scroll_into_view_if_needed()
        links.nth(k).tap()
        page.locator(".wp-card").wait_for()
        assert card_fits(page), k
        page.keyboard.press("Escape")
    context.close()


def test_without_javascript_a_term_is_a_plain_link(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}en/sections/7/")
    page.locator(LINK).click()
    page.wait_for_url(f"**/en/glossary/#{TERM}")
    context.close()


def test_card_works_from_a_file_url(browser, site):
    """The offline copy: the card data loads with a script element, which file:// allows."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "zh-Hant" / "sections" / "7" / "index.html").as_uri())
    page.locator(LINK).click()
    page.locator(".wp-card").wait_for()
    assert "海牙協定" in page.locator(".wp-card").inner_text()
    context.close()


def test_materials_tooltip_no_longer_shows_on_terms(page, base_url):
    page.clock.install()  # Material's tooltip delay, run on the page's own clock
    page.goto(f"{base_url}zh-Hans/sections/7/", wait_until="networkidle")
    control_tooltip(page)
    link = page.locator(LINK)
    assert link.get_attribute("title") is None and link.get_attribute("aria-haspopup") == "dialog"
    link.hover()
    page.clock.run_for(1000)
    assert page.locator(".md-tooltip2--active, .md-tooltip--active").count() == 0


# -- pinyin --------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant"])
def test_pinyin_toggle_shows_ruby_and_is_remembered(browser, base_url, site, edition):
    golden = {}
    for line in (ROOT / "tests" / "golden" / "pinyin.zh-Hans.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("\t")
            golden[key] = value
    context, page, requests = open_page(browser, base_url, edition, "phone")
    toggle = page.locator("button.wp-pinyin-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    off_text = toggle.inner_text()
    assert not any("/reading/" in r for r in requests), "pinyin off: none of it is downloaded"
    assert page.locator("ruby").count() == 0
    toggle.tap()
    page.wait_for_selector("html.wp-pinyin")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert toggle.inner_text() != off_text, "the state is visible at a glance"
    shown = page.eval_on_selector_all("#item-7-1 > p:first-child rt", "els => els.map(e => e.textContent).join(' ')")
    assert re.sub(r"[\s'-]", "", shown) == golden["7.1"].replace(" ", "")  # grouped by word (test_pinyin_ruby.py)
    for item in page.locator(".wp-item").all():
        p = item.locator("p").first
        han = p.evaluate("""p => { let n = 0; const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            let t; while ((t = w.nextNode())) { if (t.parentNode.closest('rt, .wp-ref')) continue;
            for (const c of t.data) if (/[\\u3400-\\u9fff]/.test(c)) n++; } return n; }""")
        in_ruby = p.evaluate("""p => [...p.querySelectorAll('ruby')].reduce((n, r) => n + [...r.childNodes]
            .filter(c => c.nodeType === 3).map(c => c.data).join('').length, 0)""")
        assert in_ruby == han, item.get_attribute("id")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.reload(wait_until="networkidle")
    page.wait_for_selector("html.wp-pinyin")
    assert page.locator("button.wp-pinyin-toggle").get_attribute("aria-pressed") == "true"
    page.locator("button.wp-pinyin-toggle").tap()
    assert page.locator("rt").first.is_hidden()
    context.close()


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("path", ["", "full/", "sections/4/"])
def test_pinyin_over_title_headings_preamble_and_source(browser, base_url, edition, path):
    """Not only the items: the plan's title, the section headings (and the home page's list of
    them), the preamble and the source line get pinyin too, on every page type, one syllable over
    each Chinese character; the home page has the toggle as well."""
    golden = {}
    for line in (ROOT / "tests" / "golden" / "pinyin.zh-Hans.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("\t")
            golden[key] = value
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{base_url}{edition}/{path}", wait_until="networkidle")
    parts = page.eval_on_selector_all(".md-content [data-wp-py]", "els => els.map(e => e.getAttribute('data-wp-py'))")
    assert parts and page.locator("ruby").count() == 0
    page.locator("button.wp-pinyin-toggle").tap()
    page.wait_for_selector("html.wp-pinyin")
    for key in parts:
        el = page.locator(f".md-content [data-wp-py='{key}']")
        han = el.evaluate("""e => { let n = 0; const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            let t; while ((t = w.nextNode())) { if (t.parentNode.closest('rt')) continue;
            for (const c of t.data) if (/[\\u3400-\\u9fff]/.test(c)) n++; } return n; }""")
        in_ruby = el.evaluate("""e => [...e.querySelectorAll('ruby')].reduce((n, r) => n + [...r.childNodes]
            .filter(c => c.nodeType === 3).map(c => c.data).join('').length, 0)""")
        assert han and in_ruby == han, (path, key)
        assert el.locator("rt").first.is_visible()
    h1 = page.eval_on_selector_all("h1 rt", "els => els.map(e => e.textContent).join(' ')")
    expected = golden["title"] if path != "sections/4/" else "sì " + golden["4"]
    assert re.sub(r"[\s'-]", "", h1) == expected.replace(" ", "")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    context.close()


def test_english_edition_has_no_pinyin_toggle(page, base_url):
    page.goto(f"{base_url}en/sections/7/", wait_until="networkidle")
    assert page.locator("button.wp-pinyin-toggle").count() == 0


# -- the glossary page as a tool -------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_glossary_filters_and_sorts(page, base_url, site, edition, glossary):
    by_id = glossary
    terms = list(glossary.values())
    page.goto(f"{base_url}{edition}/glossary/", wait_until="networkidle")
    holder = page.locator(".wp-glossary-tools")
    assert holder.evaluate("h => h.scrollHeight <= parseFloat(getComputedStyle(h).minHeight) + 1"), (
        "the controls fit the place kept for them: no layout shift"
    )

    def visible():
        return page.eval_on_selector_all(".wp-entry:not([hidden]) h3", "hs => hs.map(h => h.id)")

    # one box per entry as built, each under its category's heading, in the glossary's order
    assert page.locator("article > .wp-entry > h3").count() == len(terms)
    assert page.eval_on_selector_all(
        "article > .wp-entry",
        """boxes => boxes.every(b => {
        let h = b.previousElementSibling; while (h && h.tagName !== 'H2') h = h.previousElementSibling;
        return h && h.id === 'category-' + b.dataset.category; })""",
    )
    assert str(len(terms)) in page.locator(".wp-tools-status").inner_text()
    page.select_option("select[name=category]", "agreement")
    assert set(visible()) == {t["id"] for t in terms if t["category"] == "agreement"}
    page.select_option("select[name=category]", "")
    page.select_option("select[name=section]", "7")
    in_seven = {t["id"] for t in terms if any(u.startswith("7.") for u in t["appears_in"].split())}
    if edition != "en":
        assert set(visible()) == in_seven
    else:
        assert visible() and all(page.locator(f"#{i} ~ .wp-uses a[href*='sections/7/']").count() for i in visible())
    page.select_option("select[name=section]", "")
    page.select_option("select[name=order]", "pinyin")
    import unicodedata

    def plain(s):
        return "".join(c for c in unicodedata.normalize("NFD", s) if c.isascii() and (c.isalpha() or c == " "))

    keys = [plain(by_id[i]["pinyin"]) for i in visible()]
    assert keys == sorted(keys, key=str.lower)
    page.select_option("select[name=order]", "english")
    names = [by_id[i]["en"] for i in visible()]
    assert names == sorted(names, key=str.lower)
    assert page.locator('[role="status"].wp-tools-status').inner_text()


@pytest.mark.parametrize("edition", EDITIONS)
def test_appears_in_links_land_on_the_item(page, base_url, edition):
    page.goto(f"{base_url}{edition}/glossary/", wait_until="networkidle")
    page.locator(f"#{TERM} ~ .wp-uses a[href*='sections/7/']").first.click()
    page.wait_for_url(f"**/{edition}/sections/7/#item-7-1")
    assert page.evaluate("document.querySelector(':target').id") == "item-7-1"


# -- the reading view ------------------------------------------------------------------------------


def contrast(page, selector):
    return page.eval_on_selector(
        selector,
        """el => {
        const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = c.map(v => {
            v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                           return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        let bg = null, node = el;
        while (node && !bg) { const c = getComputedStyle(node).backgroundColor;
            if (c && !/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') bg = c; node = node.parentElement; }
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(bg || 'rgb(255,255,255)'));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }""",
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_reading_view_toggles_show_their_state_and_the_other_column_is_aa(browser, base_url, edition):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        page.goto(f"{base_url}{edition}/sections/4/", wait_until="networkidle")
        toggle = page.locator("button.wp-toggle")
        label = toggle.evaluate("b => b.firstChild.textContent")
        assert toggle.get_attribute("aria-pressed") == "false"
        off = toggle.locator(".wp-state").inner_text()
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
        assert toggle.evaluate("b => b.firstChild.textContent") == label, "one label whatever the state"
        assert toggle.locator(".wp-state").inner_text() != off, "the state is visible"
        assert contrast(page, "#item-4-3 .wp-alt") >= 4.5, scheme
        context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_on_a_phone_numbers_buttons_and_card_do_not_cover_the_text(browser, base_url, edition):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}{edition}/sections/7/", wait_until="networkidle")
    page.locator("button.wp-toggle").tap()
    if edition != "en":
        page.locator("button.wp-pinyin-toggle").tap()
        page.wait_for_selector("html.wp-pinyin")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    toolbar = page.locator(".wp-toolbar").bounding_box()
    assert toolbar["x"] + toolbar["width"] <= 320
    overlaps = page.evaluate("""() => {
        const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
            && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        const out = [];
        document.querySelectorAll('.wp-item').forEach(item => {
            const marks = [...item.querySelectorAll('.wp-ref, .wp-copy')].map(e => e.getBoundingClientRect());
            const text = [...item.querySelectorAll('p:first-child ruby, .wp-alt')];
            const range = document.createRange();
            item.querySelector('p').childNodes.forEach(n => {
                if (n.nodeType === 3 && n.data.trim()) { range.selectNodeContents(n);
                    [...range.getClientRects()].forEach(r => text.push({getBoundingClientRect: () => r})); } });
            text.forEach(t => { const r = t.getBoundingClientRect();
                marks.forEach(m => { if (hit(m, r)) out.push(item.id); }); });
        });
        return out; }""")
    assert not overlaps, overlaps
    link = page.locator(LINK)
    link.tap()
    page.locator(".wp-card").wait_for()
    card, term = page.locator(".wp-card").bounding_box(), link.bounding_box()
    assert card["y"] >= term["y"] + term["height"] or card["y"] + card["height"] <= term["y"], (
        "the card leaves its term visible"
    )
    context.close()
