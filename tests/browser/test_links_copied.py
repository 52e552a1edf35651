"""Every link a trainer copies works: a plain build (no SITE_URL) copied onto another host under a
sub-path, used on a phone (touch) and on a desktop.

  - each style's citation copied from the cite menu names the absolute address of the item on the
    serving host and path (built from the page's location, never a relative path);
  - a range is made by touch alone, and by keyboard alone (no Shift key);
  - one message area: the copy icon's message and the cite menu's never stack;
  - opened from disk with no public address known, the menu says so and copies no address;
  - the 404 pages, served for missing addresses at several depths, load with zero failed requests
    and link into the copy.
"""

from __future__ import annotations

import json
import re

import pytest

from static_server import serve
from workplan.editions import EDITIONS

pytestmark = pytest.mark.browser
CODES = [e.code for e in EDITIONS]
MOUNT = "course/plan/"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def copy_url(plain_site):
    """The plain build served at http://127.0.0.1:<port>/course/plan/, as a static host serves a copy:
    a missing address gets the 404 page of the edition it names (…/en/… -> en/404.html), else the
    copy's root 404.html, with status 404 (scripts/static_server.py)."""
    server, base = serve(plain_site, path=MOUNT)
    yield base
    server.close()


@pytest.fixture(params=list(DEVICES))
def device(request, browser, copy_url):
    """A page on a phone (touch) or a desktop, allowed to read the clipboard; tap or click to press."""
    context = browser.new_context(**DEVICES[request.param])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=copy_url.split("/" + MOUNT)[0])
    page = context.new_page()
    page.set_default_timeout(15000)
    press = page.tap if request.param == "phone" else page.click
    yield request.param, page, press
    context.close()


def copied(page, item: str) -> str:
    page.wait_for_function(
        "id => document.querySelector('#' + id + ' button.wp-cite').getAttribute('data-copied')", arg=item
    )
    return page.get_attribute(f"#{item} button.wp-cite", "data-copied")


def choose(page, press, item: str, style: str) -> str:
    """Open an item's cite menu and copy one style (the button's data-copied is reset first)."""
    page.evaluate("id => document.querySelector('#' + id + ' button.wp-cite').removeAttribute('data-copied')", item)
    press(f"#{item} button.wp-cite")
    page.wait_for_selector(f'.wp-cite-menu button[data-style="{style}"]')
    press(f'.wp-cite-menu button[data-style="{style}"]')
    return copied(page, item)


@pytest.mark.parametrize("code", CODES)
def test_every_copied_citation_names_the_absolute_address_on_the_serving_host(device, copy_url, watch, code):
    name, page, press = device
    problems = watch(page)
    page.goto(f"{copy_url}{code}/sections/4/", wait_until="networkidle")
    styles = json.loads(page.text_content("#wp-cite-data"))["styles"]
    url = f"{copy_url}{code}/sections/4/#item-4-3"
    seen = {}
    for style in [s["key"] for s in styles] + ["link"]:
        got = choose(page, press, "item-4-3", style)
        assert page.evaluate("navigator.clipboard.readText()") == got
        seen[style] = got
        print(f"{name} {code} {style}: {got}")
    template = {s["key"]: s["template"] for s in styles}
    for key, text in seen.items():
        expected = url if key == "link" else template[key].replace("{pin}", "§4.3").replace("{url}", url)
        assert text == expected, key
        # every address in it is absolute, on this host, under the copy's path
        for found in re.findall(r"[a-z]+://\S+|\S*sections/\S*", text):
            assert found.rstrip(".") == url, (key, text)
    assert not problems, problems


@pytest.mark.parametrize("code", ["zh-Hans", "en"])
def test_a_range_made_by_touch_alone(browser, copy_url, code):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{copy_url}{code}/sections/4/", wait_until="networkidle")
    page.tap("#item-4-3 button.wp-cite")
    page.tap('.wp-cite-menu button[data-style="range"]')
    assert page.query_selector(".wp-cite-menu") is None
    status = page.text_content(".wp-status")
    assert "4.3" in status and "Shift" not in status
    page.tap("#item-4-5 button.wp-cite")
    menu = page.wait_for_selector(".wp-cite-menu")
    assert "§4.3–4.5" in menu.text_content()
    page.tap('.wp-cite-menu button[data-style="link"]')
    assert copied(page, "item-4-5") == f"{copy_url}{code}/sections/4/#item-4-3-to-4-5"
    assert page.eval_on_selector_all(".wp-item.wp-in-range", "els => els.map(e => e.id)") == [
        "item-4-3",
        "item-4-4",
        "item-4-5",
    ]
    context.close()


def test_a_range_made_by_keyboard_alone_and_dropped_with_escape(browser, copy_url):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(f"{copy_url}en/sections/4/", wait_until="networkidle")
    page.focus("#item-4-6 button.wp-cite")
    page.keyboard.press("Enter")
    page.wait_for_selector(".wp-cite-menu")
    page.keyboard.press("ArrowUp")  # from the first entry round to the last: the range
    assert page.evaluate("document.activeElement.getAttribute('data-style')") == "range"
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('.wp-cite-menu')")
    assert page.evaluate("document.activeElement.closest('.wp-item').id") == "item-4-6"  # focus back on its button
    # Escape drops the range waiting for its end; then a new one, ended on an earlier item
    page.keyboard.press("Escape")
    assert page.query_selector_all(".wp-item.wp-in-range") == []
    page.keyboard.press("Enter")
    page.wait_for_selector(".wp-cite-menu")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.focus("#item-4-2 button.wp-cite")
    page.keyboard.press("Enter")
    page.wait_for_selector(".wp-cite-menu")
    page.keyboard.press("ArrowUp")  # last entry of a range's menu: the link
    page.keyboard.press("Enter")
    assert copied(page, "item-4-2") == f"{copy_url}en/sections/4/#item-4-2-to-4-6"
    context.close()


def test_one_message_area_for_copy_and_cite(device, copy_url):
    _name, page, press = device
    page.goto(f"{copy_url}en/sections/4/", wait_until="networkidle")
    assert page.eval_on_selector_all("[role=status]", "els => els.length") == 1
    press("#item-4-3 button.wp-copy")
    page.wait_for_function("() => document.querySelector('.wp-status').textContent !== ''")
    first = page.text_content(".wp-status")
    choose(page, press, "item-4-4", "plain")
    shown = page.eval_on_selector_all(
        ".wp-status, .wp-cite-status",
        "els => els.filter(e => e.getBoundingClientRect().height > 0).map(e => e.textContent)",
    )
    assert len(shown) == 1 and "§4.4" in shown[0] and shown[0] != first, shown


def test_from_disk_with_no_public_address_the_menu_says_so_and_copies_no_address(browser, plain_site):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto((plain_site / "en" / "sections" / "4" / "index.html").as_uri())
    data = json.loads(page.text_content("#wp-cite-data"))
    assert data["public"] == ""
    page.click("#item-4-3 button.wp-cite")
    menu = page.wait_for_selector(".wp-cite-menu")
    assert data["ui"]["no_address"] in menu.text_content()
    assert page.query_selector('.wp-cite-menu button[data-style="link"]') is None
    for style in data["styles"]:
        text = page.get_attribute(f'.wp-cite-menu button[data-style="{style["key"]}"]', "data-text")
        assert text == style["offline"].replace("{pin}", "§4.3")
        assert "sections/" not in text and "file:" not in text and "://" not in text, text
    context.close()


# Any depth under an edition; beside the root.  (Deeper without an edition segment, a copy with no
# public address cannot know where it is mounted: the links then guess the address's own folder.)
def test_the_offline_zip_opened_from_disk_cites_and_copies_the_public_address(browser, site, tmp_path):
    """The SITE_URL build's offline copy (pages named sections/4.html) names the public directory URL."""
    import zipfile

    from helpers import PUBLISHED
    from workplan.outputs.offline_copy import FOLDER, PATH

    with zipfile.ZipFile(site / PATH) as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto((tmp_path / FOLDER / "en" / "sections" / "4.html").as_uri())
    url = f"{PUBLISHED}en/sections/4/#item-4-2"
    assert choose(page, page.click, "item-4-2", "link") == url
    page.click("#item-4-2 button.wp-copy")
    page.wait_for_function("() => document.querySelector('#item-4-2 button.wp-copy').getAttribute('data-copied')")
    assert page.get_attribute("#item-4-2 button.wp-copy", "data-copied").endswith(" " + url)
    context.close()


def test_the_copy_icon_from_disk_with_no_public_address_copies_no_address(browser, plain_site):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto((plain_site / "zh-Hans" / "sections" / "4" / "index.html").as_uri())
    page.click("#item-4-2 button.wp-copy")
    page.wait_for_function("() => document.querySelector('#item-4-2 button.wp-copy').getAttribute('data-copied')")
    assert page.get_attribute("#item-4-2 button.wp-copy", "data-copied") == page.get_attribute("#item-4-2", "data-cite")
    context.close()


MISSING = ["missing", "en/no/such/page/", "zh-Hant/sections/99/", "zh-Hans/x", "zh-Hans/a/b/c/d.html"]


@pytest.mark.parametrize("path", MISSING)
def test_404_pages_load_cleanly_at_any_depth_and_link_into_the_copy(browser, copy_url, watch, path):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    problems = watch(page, warnings=True)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    response = page.goto(copy_url + path, wait_until="networkidle")
    assert response.status == 404
    assert requested == [copy_url + path]  # self-contained: nothing else fetched
    # so what watch saw is the 404 status of the page itself (as a response and as Chrome's console
    # line for it), and nothing else: no failed request, no policy violation, no script error
    own = [
        f"HTTP 404: {copy_url}{path}",
        "console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]
    assert sorted(problems) == sorted(own), problems
    edition = path.split("/")[0] if path.split("/")[0] in CODES else CODES[0]
    assert page.evaluate("document.documentElement.lang") == edition
    links = page.eval_on_selector_all("a[data-edition]", "els => els.map(a => [a.dataset.edition, a.href])")
    assert sorted(links) == sorted([code, f"{copy_url}{code}/"] for code in CODES)
    # the styles applied (no unstyled page with a giant logo): a readable column
    assert page.eval_on_selector("body", "b => getComputedStyle(b).maxWidth") != "none"
    target = links[0][1]
    assert page.goto(target).status == 200
    context.close()


def test_404_page_without_javascript_names_no_relative_or_root_address(browser, copy_url):
    context = browser.new_context(java_script_enabled=False, **DESKTOP)
    page = context.new_page()
    for path in ("missing", "en/a/b/"):
        page.goto(copy_url + path)
        hrefs = page.eval_on_selector_all("a", "els => els.map(a => a.getAttribute('href'))")
        assert hrefs and all(h is None for h in hrefs), hrefs  # plain build: no public address to name
    context.close()
