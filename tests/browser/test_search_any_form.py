"""Search finds what a reader types in any form (issue 11), in every edition:
other script, other language on the page, pinyin (syllables and initials), inflections,
British/American spellings, one-edit typos; nothing for nonsense; no flood for two letters;
the edition's own language first; and the landing on the item, highlighted."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_ui import item_links, open_search, query, sections_of, summary

HERE = Path(__file__).resolve().parent
SHARED = json.loads((HERE / "search_queries_any_form.json").read_text(encoding="utf-8"))["cases"]
OWN = json.loads((HERE / "search_any_form_cases.json").read_text(encoding="utf-8"))["cases"]
EDITIONS = ("zh-Hans", "zh-Hant", "en")
LATENCIES: list[float] = []

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
    if LATENCIES:
        print(f"\nkeystroke to rendered results, in-page: {summary(LATENCIES)}")


def test_every_kind_has_five_own_queries_in_every_edition():
    kinds = {kind for _, _, _, kind in SHARED}
    for kind in kinds:
        for edition in EDITIONS:
            count = sum(1 for e, _, _, k in OWN if (k, e) == (kind, edition))
            assert count >= 5, (kind, edition, count)


@pytest.mark.parametrize("edition, text, expected, kind", SHARED + OWN, ids=lambda v: str(v))
def test_query_finds_its_sections_first(pages, base_url, edition, text, expected, kind):
    groups, latency = query(pages(edition), text)
    LATENCIES.append(latency)
    links = [link for g in groups for link in g["links"]]
    assert links, f"{kind}: no result for {text!r} in {edition}"
    assert all(link.startswith(f"{base_url}{edition}/") for link in links), links
    found = sections_of(groups)
    assert set(found[: len(expected)]) == set(expected), (kind, text, found)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("text", ["xqzvbnmk", "qwrtzplk", "犀牛", "zzqqxx", "Quagmire"])
def test_a_query_that_matches_nothing_returns_nothing(pages, edition, text):
    groups, _ = query(pages(edition), text)
    assert groups == [], (text, groups)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("text", ["zs", "zc", "gj", "cx", "fz", "zh"])
def test_two_letters_of_pinyin_do_not_return_the_plan(pages, edition, text):
    """"zs" are the initials of 知识 (in half the items): initials need three letters."""
    groups, _ = query(pages(edition), text)
    assert len(item_links(groups)) <= 5, (text, len(item_links(groups)))


RANKED = {
    "zh-Hans": ["Hague", "examination", "trademark", "WIPO", "geographical indications"],
    "zh-Hant": ["Hague", "patent", "trademark", "WIPO", "geographical indications"],
    "en": ["海牙协定", "专利", "商标", "地理标志", "蓝天"],
}


@pytest.mark.parametrize("edition, text", [(e, t) for e, ts in RANKED.items() for t in ts])
def test_a_hit_in_the_other_language_never_outranks_one_in_the_editions_own(pages, edition, text):
    groups, _ = query(pages(edition), text)
    order = ["own" if g["own"] else "other" for g in groups if g["own"] or g["other"]]
    assert "own" in order and "other" in order, (text, order)  # both kinds present: the test can fail
    assert order == sorted(order, key=lambda kind: kind != "own"), (text, order)


# One query of each kind in each edition, followed to its item.
LANDINGS = [
    ("zh-Hans", "東盟", "东盟"), ("zh-Hant", "专利审查指南", "專利審查指南"), ("en", "藍天", "蓝天"),
    ("zh-Hans", "genetic resources", "genetic"), ("zh-Hant", "Olympic", "Olympic"), ("en", "商标囤积", "商标囤积"),
    ("zh-Hans", "shangbiao tunji", "囤积"), ("zh-Hant", "zhiya rongzi", "質押"), ("en", "dongaohui", "冬奥会"),
    ("zh-Hans", "fzcsq", "非正常申请"), ("zh-Hant", "sbtj", "商標囤積"), ("en", "ydyl", "一带一路"),
    ("en", "negotiating", "negotiations"), ("zh-Hans", "seminars", "seminar"), ("zh-Hant", "hoarded", "hoarding"),
    ("en", "behaviour", "behavior"), ("zh-Hans", "licence", "license"), ("zh-Hant", "commercialisation", "commercialization"),
    ("en", "navigaton", "navigation"), ("zh-Hans", "vaccnies", "vaccines"), ("zh-Hant", "genatic", "genetic"),
]


@pytest.mark.parametrize("edition, text, word", LANDINGS, ids=lambda v: str(v))
def test_a_result_lands_on_its_item_with_the_match_highlighted(pages, edition, text, word):
    """`word`: what the page shows where the query matched (the edition's own script, the
    annotation's or the original's language, the page's spelling and inflection)."""
    page = pages(edition)
    groups, _ = query(page, text)
    link = next(link for link in item_links(groups))
    page.goto(link)
    anchor = link.split("#", 1)[1]
    page.wait_for_selector(f"#{anchor} mark.wp-hit")
    state = page.evaluate("""(id) => {
        const item = document.getElementById(id), header = document.querySelector('.md-header');
        const marks = Array.from(item.querySelectorAll('mark.wp-hit'));
        return { marks: marks.map(m => m.textContent), visible: marks.filter(m => m.offsetHeight > 0).length,
                 top: item.getBoundingClientRect().top, header: header.getBoundingClientRect().bottom,
                 height: innerHeight };
    }""", anchor)
    assert word.lower() in "".join(state["marks"]).lower() or any(word.lower() in m.lower() for m in state["marks"]), state
    assert state["visible"] == len(state["marks"]), ("a match is hidden", state)
    assert state["header"] <= state["top"] < state["height"] - 40, ("item not in view below the header", state)
    open_search(page, page.url.split("/sections/")[0].rsplit("/", 1)[0] + "/", edition)
