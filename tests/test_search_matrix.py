"""Search finds what a reader types, in every edition: the query matrix, run on the browser's own
matcher under Node (tests/search_core.py) over the built indexes.  The search box itself (typing,
rendering, the landing highlight) is checked in a browser by tests/browser/test_search.py.

The cases, in tests/search/: search_queries.json (the shared held-out queries), search_own.json,
search_queries_any_form.json and search_any_form_cases.json (other script, other language,
pinyin syllables and initials, inflections, British/American spellings, one-edit typos)."""

from __future__ import annotations

import itertools

import pytest

from helpers import SOURCE, make_root
from search_core import cases, item_links, search_all, sections_of

EDITIONS = ("zh-Hans", "zh-Hant", "en")
SHARED = cases("search_queries.json")
OWN = cases("search_own.json")  # glossary terms, acronyms inside Chinese text, names, English words
ANY_FORM = cases("search_queries_any_form.json") + cases("search_any_form_cases.json")
NOTHING = ["xqzvbnmk", "qwrtzplk", "犀牛", "zzqqxx", "Quagmire"]
TWO_LETTERS = ["zs", "zc", "gj", "cx", "fz", "zh"]
RANKED = {
    "zh-Hans": ["Hague", "examination", "trademark", "WIPO", "geographical indications"],
    "zh-Hant": ["Hague", "patent", "trademark", "WIPO", "geographical indications"],
    "en": ["海牙协定", "专利", "商标", "地理标志", "蓝天"],
}


@pytest.fixture(scope="module")
def results(site) -> dict[str, dict[str, list[dict]]]:
    """Every query of this file, in its edition (the nothing and two-letter ones in each), in one
    Node run per edition."""
    wanted: dict[str, set[str]] = {e: set(NOTHING) | set(TWO_LETTERS) | set(RANKED[e]) for e in EDITIONS}
    for edition, text, *_ in SHARED + OWN + ANY_FORM:
        wanted[edition].add(text)
    return {e: search_all(site / e / "search" / "workplan-index.json", q) for e, q in wanted.items()}


@pytest.mark.parametrize("edition, text, expected", SHARED + OWN, ids=lambda v: str(v))
def test_query_finds_its_sections_first_in_its_own_edition(results, edition, text, expected):
    groups = results[edition][text]
    assert groups, f"no result for {text!r} in {edition}"
    links = [link for g in groups for link in g["links"]]
    assert not any(link.startswith(("/", "..", "http")) for link in links), links  # inside the edition
    found = sections_of(groups)
    assert set(found[: len(expected)]) == set(expected), (text, found)


def test_every_kind_has_five_own_queries_in_every_edition():
    own = cases("search_any_form_cases.json")
    for kind in {case[3] for case in cases("search_queries_any_form.json")}:
        for edition in EDITIONS:
            count = sum(1 for e, _, _, k in own if (k, e) == (kind, edition))
            assert count >= 5, (kind, edition, count)


@pytest.mark.parametrize("edition, text, expected, kind", ANY_FORM, ids=lambda v: str(v))
def test_a_query_in_any_form_finds_its_sections_first(results, edition, text, expected, kind):
    groups = results[edition][text]
    assert groups, f"{kind}: no result for {text!r} in {edition}"
    found = sections_of(groups)
    assert set(found[: len(expected)]) == set(expected), (kind, text, found)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("text", NOTHING)
def test_a_query_that_matches_nothing_returns_nothing(results, edition, text):
    assert results[edition][text] == [], text


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("text", TWO_LETTERS)
def test_two_letters_of_pinyin_do_not_return_the_plan(results, edition, text):
    """ "zs" are the initials of 知识 (in half the items): initials need three letters."""
    assert len(item_links(results[edition][text])) <= 5, text


@pytest.mark.parametrize("edition, text", [(e, t) for e, ts in RANKED.items() for t in ts])
def test_a_hit_in_the_other_language_never_outranks_one_in_the_editions_own(results, edition, text):
    groups = results[edition][text]
    order = ["own" if g["own"] else "other" for g in groups if g["own"] or g["other"]]
    assert "own" in order and "other" in order, (text, order)  # both kinds present: the test can fail
    assert order == sorted(order, key=lambda kind: kind != "own"), (text, order)


def test_words_across_a_line_break_in_the_source_are_found(tmp_path):
    """The real plan hard-wrapped every 37 characters: a phrase split by a line break is found
    (the index is a docs/ output: a --docs-only build is enough)."""
    width = 37
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    wrapped, breaks = [lines[0]], []
    for line in lines[1:-1]:
        head = line.index("。") + 1 if line[:2] in {f"{n}、" for n in "一二三四五六七八"} else 0
        pieces = [line[: head + width]] + [line[i : i + width] for i in range(head + width, len(line), width)]
        breaks += [(a[-2:] + b[:2], line) for a, b in itertools.pairwise(pieces)]
        wrapped += pieces
    wrapped.append(lines[-1])
    root = make_root(tmp_path / "wrapped")
    plan = root / "wrapped.txt"
    plan.write_text("\n".join(wrapped) + "\n", encoding="utf-8")
    from workplan.pipeline import build

    build(plan, root=root, docs_only=True)
    chosen = [(p, line) for p, line in breaks[::9] if all("\u4e00" <= ch <= "\u9fff" for ch in p)][:8]
    assert len(chosen) >= 4
    found = search_all(root / "docs" / "zh-Hans" / "search" / "workplan-index.json", [p for p, _ in chosen])
    for phrase, line in chosen:
        groups = found[phrase]
        if line[1] == "、":
            number = "一二三四五六七八".index(line[0]) + 1
            assert number in sections_of(groups)[:3], (phrase, number, sections_of(groups))
        else:
            assert groups, phrase
