"""Search puts the plan first (issue 23, point 4): the plan's items and sections rank above the
reference pages the index names (the glossary), whose results come as one group headed with
their count and folded after the first few.  The site's matcher (workplan-search-core.js) runs
here in Node; `shown` applies Material's own folding rule to what it returns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_core import evaluate
from workplan.outputs.search_index import encode

ROOT = Path(__file__).resolve().parents[1]


def groups(index: dict, query: str) -> list[list[dict]]:
    return evaluate("(S.setup(D.index), S.search(D.q).items)", {"index": index, "q": query})


def shown(group: list[dict]) -> tuple[list[dict], list[dict]]:
    """Material's renderSearchResultItem: the page's entry, then its results up to the first that
    scores below the group's first; the rest folded under "more"."""
    rest = [r for r in group if "#" in r["location"]]
    cut = next((k for k, r in enumerate(rest) if r["score"] < group[0]["score"]), len(rest))
    return rest[:cut], rest[cut:]


def page(location: str) -> str:
    return location.split("?")[0].split("#")[0]


def plan_and_glossary(terms: int) -> list[dict]:
    docs = [
        {"l": "", "t": "工作要点"},
        {"l": "#preamble", "t": "总体思路", "x": "加强知识产权保护"},
        {"l": "sections/4/", "t": "四、建设一流专利商标审查机构"},
        {"l": "sections/4/#item-4-1", "t": "§4.1", "x": "完成专利审查系统升级"},
        {"l": "sections/5/", "t": "五、完善运行机制"},
        {"l": "sections/5/#item-5-2", "t": "§5.2", "x": "推进专利开放许可"},
        {"l": "glossary/", "t": "术语表"},
    ]
    # glossary entries that name the query in their title: the best kind of hit there is
    docs += [
        {"l": f"glossary/#term-{k}", "t": f"专利术语{k} · Patent term {k}", "x": f"专利的定义{k}"} for k in range(terms)
    ]
    return docs


def test_plan_items_and_sections_come_before_glossary_entries():
    index = json.loads(encode(plan_and_glossary(32), "en", ("glossary/",)))
    found = groups(index, "专利")
    pages = [page(g[0]["location"]) for g in found]
    assert pages[-1] == "glossary/" and pages.count("glossary/") == 1, pages
    assert set(pages[:-1]) == {"sections/4/", "sections/5/"}
    open_, folded = shown(found[0])
    assert open_ and "#item-" in open_[0]["location"] and not folded  # a section's items are never folded


def test_glossary_hits_are_one_group_headed_with_their_count_and_folded_after_the_first_few():
    index = json.loads(encode(plan_and_glossary(32), "en", ("glossary/",)))
    glossary = groups(index, "专利")[-1]
    assert glossary[0]["location"] == "glossary/" and glossary[0]["title"].endswith("(32)")
    open_, folded = shown(glossary)
    assert 1 <= len(open_) <= 5 and len(open_) + len(folded) == 32
    assert all(r["location"].startswith("glossary/") and "#term-" in r["location"] for r in open_ + folded)


def test_a_few_glossary_hits_are_all_shown_and_counted():
    index = json.loads(encode(plan_and_glossary(2), "en", ("glossary/",)))
    glossary = groups(index, "专利")[-1]
    assert glossary[0]["title"].endswith("(2)")
    open_, folded = shown(glossary)
    assert len(open_) == 2 and not folded


def test_the_glossary_page_matching_itself_is_not_counted_as_an_entry():
    docs = plan_and_glossary(4)
    docs[6] = {"l": "glossary/", "t": "专利术语表"}
    index = json.loads(encode(docs, "en", ("glossary/",)))
    glossary = groups(index, "专利")[-1]
    assert page(glossary[0]["location"]) == "glossary/" and "#" not in glossary[0]["location"]
    assert glossary[0]["title"].endswith("(4)")


def test_without_reference_pages_the_ranking_is_unchanged():
    """An index that names none ranks every page by its matches alone, as before."""
    docs = plan_and_glossary(3)
    with_ref = groups(json.loads(encode(docs, "en", ("glossary/",))), "专利术语")
    without = groups(json.loads(encode(docs, "en")), "专利术语")
    assert [page(g[0]["location"]) for g in without] == ["glossary/"]
    assert [r["location"] for r in with_ref[0]] == [r["location"] for r in without[0]]
    assert "(" not in without[0][0]["title"]


@pytest.mark.parametrize(
    "code, query",
    [("zh-Hans", "专利"), ("zh-Hant", "專利"), ("en", "patent"), ("en", "Olympic"), ("zh-Hans", "知识产权")],
)
def test_on_the_built_index_the_first_result_is_the_plan(site, code, query):
    index = json.loads((site / code / "search" / "workplan-index.json").read_text(encoding="utf-8"))
    found = groups(index, query)
    assert found and page(found[0][0]["location"]).startswith("sections/"), found[0][:2]
    pages = [page(g[0]["location"]) for g in found]
    if "glossary/" in pages:
        assert pages.index("glossary/") == len(pages) - 1
        open_, _ = shown(found[-1])
        assert len(open_) <= 5


def test_a_glossary_hit_in_the_editions_own_language_still_outranks_plan_hits_in_the_other():
    """The plan first only within a language band: an English query on a Chinese edition that the
    plan matches only in its English annotation ranks after the glossary's English names."""
    docs = [
        {"l": "sections/4/", "t": "四、审查"},
        {"l": "sections/4/#item-4-1", "t": "§4.1", "x": "加入海牙协定", "a": "Join the Hague Agreement"},
        {"l": "glossary/", "t": "术语表"},
        {"l": "glossary/#hague", "t": "海牙协定 · Hague Agreement", "x": "工业品外观设计"},
    ]
    found = groups(json.loads(encode(docs, "en", ("glossary/",))), "Hague")
    assert [page(g[0]["location"]) for g in found] == ["glossary/", "sections/4/"]
    found = groups(json.loads(encode(docs, "en", ("glossary/",))), "海牙")
    assert [page(g[0]["location"]) for g in found] == ["sections/4/", "glossary/"]
