"""The search box as a reader uses it: typed text reaches the matcher and the box renders what it
ranks, and a result lands on its item with the match highlighted and in view.  The query matrix
(which sections each query finds first, in every form) runs on the same matcher under Node:
tests/test_search_matrix.py."""

from __future__ import annotations

import pytest

from search_core import item_links, search_all
from search_ui import open_search, query

EDITIONS = ("zh-Hans", "zh-Hant", "en")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(browser, base_url):
    """One open search box per edition, reused query after query (as a reader retypes)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened: dict = {}

    def get(edition: str):
        if edition not in opened:
            page = context.new_page()
            page.set_default_timeout(15000)
            open_search(page, base_url, edition)
            opened[edition] = page
        return opened[edition]

    yield get
    context.close()


# Typed as a reader types: Chinese committed as text by an input method, pinyin and English key by key.
TYPED = [
    ("zh-Hans", "海牙协定"),
    ("zh-Hant", "幹部"),
    ("en", "trademark hoarding"),
    ("zh-Hans", "shangbiao tunji"),
    ("en", "商标囤积"),
]


@pytest.mark.parametrize("edition, text", TYPED)
def test_the_box_renders_what_the_matcher_ranks(pages, base_url, site, edition, text):
    groups, _ = query(pages(edition), text)
    rendered = [[link.removeprefix(f"{base_url}{edition}/") for link in g["links"]] for g in groups]
    ranked = [g["links"] for g in search_all(site / edition / "search" / "workplan-index.json", [text])[text]]
    assert rendered, (text, "nothing rendered")
    assert rendered == ranked[: len(rendered)], (text, rendered[:3], ranked[:3])


# One query of several kinds, followed to its item: `word` is what the page shows where the query
# matched (the edition's own script, the annotation's or the original's language, the page's spelling).
LANDINGS = [
    ("zh-Hant", "专利审查指南", "專利審查指南"),
    ("zh-Hans", "genetic resources", "genetic"),
    ("zh-Hant", "Olympic", "Olympic"),
    ("en", "dongaohui", "冬奥会"),
    ("zh-Hant", "sbtj", "商標囤積"),
    ("zh-Hans", "licence", "license"),
    ("en", "navigaton", "navigation"),
]


@pytest.mark.parametrize("edition, text, word", LANDINGS, ids=lambda v: str(v))
def test_a_result_lands_on_its_item_with_the_match_highlighted(pages, edition, text, word):
    page = pages(edition)
    groups, _ = query(page, text)
    link = next(link for link in item_links(groups))
    page.goto(link)
    anchor = link.split("#", 1)[1]
    page.wait_for_selector(f"#{anchor} mark.wp-hit")
    state = page.evaluate(
        """(id) => {
        const item = document.getElementById(id), header = document.querySelector('.md-header');
        const marks = Array.from(item.querySelectorAll('mark.wp-hit'));
        return { marks: marks.map(m => m.textContent), visible: marks.filter(m => m.offsetHeight > 0).length,
                 top: item.getBoundingClientRect().top, header: header.getBoundingClientRect().bottom,
                 height: innerHeight };
    }""",
        anchor,
    )
    assert any(word.lower() in m.lower() for m in state["marks"]) or word.lower() in "".join(state["marks"]).lower(), (
        state
    )
    assert state["visible"] == len(state["marks"]), ("a match is hidden", state)
    assert state["header"] <= state["top"] < state["height"] - 40, ("item not in view below the header", state)
    open_search(page, page.url.split("/sections/")[0].rsplit("/", 1)[0] + "/", edition)
