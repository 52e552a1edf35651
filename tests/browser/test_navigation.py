"""What only a browser shows: language switching, copy citation, the translation toggle, clean loads."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from page_tools import settle

pytestmark = pytest.mark.browser
PAGES = ["", "sections/4/", "glossary/", "full/"]


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant", "en"])
def test_pages_load_with_no_console_error_failed_or_third_party_request(page, watch, base_url, edition):
    problems, hosts = watch(page), set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    for path in PAGES:
        page.goto(f"{base_url}{edition}/{path}", wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == edition
    assert not problems, problems
    assert hosts == {urlparse(base_url).netloc}, hosts


def test_root_redirects_to_simplified(page, base_url):
    page.goto(base_url)
    page.wait_for_url(f"{base_url}zh-Hans/")


@pytest.mark.parametrize("source, target", [("zh-Hans", "en"), ("en", "zh-Hant"), ("zh-Hant", "zh-Hans")])
def test_language_selector_keeps_the_section_and_item(page, base_url, source, target):
    page.goto(f"{base_url}{source}/sections/6/#item-6-5")
    page.hover(".md-header__option .md-select")
    page.click(f'a.wp-alternate[hreflang="{target}"]')
    page.wait_for_url(f"{base_url}{target}/sections/6/#item-6-5")
    assert page.evaluate("document.documentElement.lang") == target


def test_copy_citation_button_copies_citation_and_link(browser, base_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{base_url}en/sections/4/")
    page.click("#item-4-3 button.wp-copy")
    expected = f"CNIPA 2022 Work Plan §4.3 {base_url}en/sections/4/#item-4-3"
    page.wait_for_function("b => b.getAttribute('data-copied')", arg=page.query_selector("#item-4-3 button.wp-copy"))
    assert page.get_attribute("#item-4-3 button.wp-copy", "data-copied") == expected
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.get_attribute("#item-4-3 a.wp-ref", "title") == "CNIPA 2022 Work Plan §4.3"
    context.close()


def test_translation_toggle_shows_english_beside_chinese_and_is_remembered(page, base_url):
    page.goto(f"{base_url}zh-Hans/sections/2/")
    alt = page.locator("#item-2-1 p.wp-alt")
    assert not alt.is_visible()
    page.click("button.wp-toggle")
    assert alt.is_visible()
    assert page.get_attribute("button.wp-toggle", "aria-pressed") == "true"
    box_zh = page.locator("#item-2-1 p").first.bounding_box()
    box_en = alt.bounding_box()
    assert box_en["x"] > box_zh["x"] + 100, "side by side on a wide screen"
    page.goto(f"{base_url}zh-Hans/sections/3/")
    assert page.locator("#item-3-1 p.wp-alt").is_visible()


def test_glossary_link_opens_a_card_whose_link_lands_on_the_entry(page, base_url):
    """A term opens its card in place (tests/browser/test_reading.py); the card's link goes on."""
    page.goto(f"{base_url}zh-Hans/sections/7/")
    link = page.locator('#item-7-1 a.wp-term[href$="#hague-agreement"]')
    link.click()
    page.locator(".wp-card a").click()
    page.wait_for_url("**/zh-Hans/glossary/#hague-agreement")


def test_phone_layout_has_no_horizontal_scroll(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    for edition in ("zh-Hans", "zh-Hant", "en"):
        for path in ("sections/7/", "glossary/"):
            page.goto(f"{base_url}{edition}/{path}")
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (edition, path)
    context.close()


def all_pages(site, edition):
    for page in sorted((site / edition).rglob("index.html")):
        rel = page.parent.relative_to(site / edition).as_posix()
        if not rel.startswith(("search", "assets")):
            yield "" if rel == "." else rel + "/"


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant", "en"])
def test_every_page_loads_cleanly(page, watch, base_url, site, edition):
    problems = watch(page)
    for path in all_pages(site, edition):
        page.goto(f"{base_url}{edition}/{path}", wait_until="networkidle")
    assert not problems, problems


def test_print_shows_the_text_without_the_site_chrome(page, base_url, tmp_path):
    page.goto(f"{base_url}zh-Hans/sections/4/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "button.wp-copy", "button.wp-toggle"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("#item-4-12").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what printing fires
    assert page.locator("details.abstract p").first.is_visible(), "the summary prints expanded"
    pdf = page.pdf(path=str(tmp_path / "section.pdf"), format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2


@pytest.mark.parametrize("width", [412, 1350])
def test_enhancements_do_not_shift_the_layout(browser, base_url, width):
    """The copy buttons and the toggle arrive by script into places kept for them (CLS ~ 0)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(
        "window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) "
        "window.__cls += e.value; }).observe({type: 'layout-shift', buffered: true});"
    )
    page = context.new_page()
    for path in ("zh-Hans/sections/4/", "zh-Hant/sections/7/", "en/sections/3/", "zh-Hans/full/"):
        page.goto(f"{base_url}{path}", wait_until="networkidle")
        # on a loaded machine the first visit's service worker install competes with the page:
        # wait for the enhancements themselves, then for any shift they cause
        page.wait_for_selector("button.wp-copy", state="attached")
        settle(page)
        assert page.locator("button.wp-copy").count() > 0 and page.locator("button.wp-toggle").count() == 1
        assert page.evaluate("window.__cls") < 0.01, (path, page.evaluate("window.__cls"))
    context.close()
