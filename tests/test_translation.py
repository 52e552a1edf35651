"""The English text: complete, keyed by item id, consistent with the glossary; partial plans still build."""
from __future__ import annotations

import re

import pytest
import yaml

from helpers import SOURCE, make_root, soup
from workplan import annotate as ann
from workplan import glossary as gl
from workplan import translation as tr
from workplan.build import build
from workplan.config import GLOSSARY, SCHEMA, translation_path
from workplan.model import Problem

EN = translation_path(SOURCE)
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|placeholder|translation here)\b|\.\.\.|…", re.I)


@pytest.fixture(scope="module")
def english(plan):
    return tr.load(EN.read_text(encoding="utf-8"), str(EN), plan)


@pytest.fixture(scope="module")
def terms():
    return gl.load_file(GLOSSARY, SCHEMA)


def test_every_item_has_exactly_one_translation(plan):
    raw = yaml.safe_load(EN.read_text(encoding="utf-8"))
    keys = [str(k) for k in raw["items"]]
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted(i.id for i in plan.items())
    # a YAML mapping silently keeps the last of two equal keys: count them in the text too
    for item in plan.items():
        assert len(re.findall(rf'^\s*"?{re.escape(item.id)}"?\s*:', EN.read_text(encoding="utf-8"), re.M)) == 1, item.id


def test_nothing_is_missing_empty_or_a_placeholder(plan, english):
    assert english.missing(plan) == []
    texts = [english.title, english.citation, english.overview, english.source_line, *english.preamble,
             *english.headings.values(), *english.summaries.values(), *english.items.values()]
    for text in texts:
        assert text.strip(), "empty text"
        assert not PLACEHOLDER.search(text), text
        assert not re.search(r"[\u4e00-\u9fff]", text), f"untranslated Chinese in: {text}"
    assert set(english.summaries) == {s.number for s in plan.sections}


@pytest.mark.parametrize("number", range(1, 9))
def test_each_summary_has_three_to_five_sentences(english, number):
    assert 3 <= tr.count_sentences(english.summaries[number]) <= 5, english.summaries[number]


def test_overview_is_one_paragraph(english):
    assert "\n" not in english.overview and tr.count_sentences(english.overview) >= 3


def test_official_english_names(english):
    text = " ".join(english.items.values()) + " " + " ".join(english.preamble)
    for name in ("Hague Agreement Concerning the International Registration of Industrial Designs",
                 "Regional Comprehensive Economic Partnership", "RCEP", "CPTPP", "World Trade Organization",
                 "World Intellectual Property Organization", "Outline for Building a Powerful Country with "
                 "Intellectual Property (2021–2035)", "14th Five-Year Plan for IP Protection and Application"):
        assert name in text, name


def test_glossary_english_names_are_used_consistently(plan, english, terms):
    """Where an item's Chinese contains a term, its English names the term (name, alias or abbreviation)."""
    zh = ann.Matcher({f: t.id for t in terms for f in t.forms("zh-Hans")}, whole_words=True)
    en = ann.Matcher({f: t.id for t in terms for f in t.forms("en")}, whole_words=True)
    by_id = {t.id: t for t in terms}
    missing = []
    for item in plan.items():
        in_chinese = {m[2] for m in zh.matches(item.text)}
        in_english = {m[2] for m in en.matches(english.items[item.id])}
        for term in sorted(in_chinese - in_english):
            missing.append(f"{item.id} {by_id[term].names['zh-Hans']} -> {by_id[term].forms('en')}")
    assert not missing, "\n".join(missing)


def test_unknown_item_id_is_a_problem(plan):
    with pytest.raises(Problem) as caught:
        tr.load('items:\n  "9.1": "Nothing"\n', "x.en.yml", plan)
    assert "9.1" in str(caught.value) and caught.value.line == 2


def test_empty_translation_is_a_problem(plan):
    with pytest.raises(Problem):
        tr.load('items:\n  "1.1": ""\n', "x.en.yml", plan)


def test_sentence_counting():
    assert tr.count_sentences("One. Two! Three? \"Four.\"") == 4
    assert tr.count_sentences("The 14th Five-Year Plan (2021–2035) is one sentence.") == 1


def test_a_plan_without_full_translation_builds_with_a_mark_and_a_warning(tmp_path):
    root = make_root(tmp_path / "r")
    plan = tmp_path / "other.zh-Hans.txt"
    plan.write_text("某局2023年工作要点\n总体思路。\n一、第一部分。任务甲。任务乙。\n二、第二部分。任务丙。\n", encoding="utf-8")
    (tmp_path / "other.en.yml").write_text('items:\n  "1.1": "Task A."\n', encoding="utf-8")
    warnings = build(plan, root=root)
    assert any("English: 4 of 5" in w for w in warnings), warnings
    page = soup(root / "site" / "en" / "sections" / "1" / "index.html")
    assert page.find(id="item-1-1").find("p").get_text().endswith("Task A.")
    untranslated = page.find(id="item-1-2")
    assert untranslated["lang"] == "zh-Hans"
    assert untranslated.select_one(".wp-untranslated").get_text().startswith("Not yet translated")
    assert "任务乙。" in untranslated.get_text()


def test_english_pages_say_the_translation_is_unofficial_once(site, plan):
    for page in [site / "en" / "index.html"] + [site / "en" / "sections" / str(s.number) / "index.html" for s in plan.sections]:
        notes = soup(page).select(".wp-disclaimer")
        assert len(notes) == 1, page
        assert "Unofficial" in notes[0].get_text() and "prevails" in notes[0].get_text()
        assert notes[0].find("a")["href"].startswith("https://www.cnipa.gov.cn/")


def test_english_edition_shows_summary_first_and_chinese_one_tap_away(site, plan, english):
    page = soup(site / "en" / "sections" / "4" / "index.html")
    assert page.html["lang"] == "en"
    summary = page.select_one(".admonition.abstract")
    assert summary is not None and english.summaries[4][:40] in summary.get_text()
    assert summary.find_next("div", class_="wp-item")["id"] == "item-4-1"
    alt = page.find(id="item-4-3").select_one("p.wp-alt")
    assert alt["lang"] == "zh-Hans" and alt.get_text().startswith("进一步推进审查工作机制创新")


def test_chinese_pages_carry_the_english_annotation(site, plan, english):
    for code in ("zh-Hans", "zh-Hant"):
        page = soup(site / code / "sections" / "7" / "index.html")
        details = page.select_one("details.abstract")
        assert details is not None and english.summaries[7][:40] in details.get_text()
        for item in plan.section(7).items:
            div = page.find(id=item.anchor)
            paragraphs = div.find_all("p")
            assert "wp-alt" not in (paragraphs[0].get("class") or []), "the Chinese comes first"
            alt = div.select_one("p.wp-alt")
            assert alt["lang"] == "en" and alt.get_text() == english.items[item.id]
