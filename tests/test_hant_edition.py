"""The traditional edition as built: equals the proofread golden file, typeset for Taiwan and Hong Kong."""

from __future__ import annotations

import json
import re

import hanzidentifier
import pytest

from helpers import ROOT, rendered_lines, soup
from workplan.convert import hant_quotes
from workplan.typography import zh_punct

GOLDEN = ROOT / "tests" / "golden" / "zh-Hant.txt"


def test_built_edition_equals_the_golden_file_typeset(site, plan):
    golden = [line for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    shown = rendered_lines(site, "zh-Hant", plan)
    assert len(shown) == len(golden)
    for rendered, expected in zip(shown, golden, strict=True):
        assert rendered == hant_quotes(zh_punct(expected))


def test_quotes_are_corner_brackets(site):
    article = soup(site / "zh-Hant" / "sections" / "1" / "index.html").find("article")
    english = article.select('[lang="en"]')
    assert any("“" in el.get_text() for el in english)  # English keeps its own quotation marks
    for el in english:
        el.decompose()
    page = article.get_text()
    assert "「兩個維護」" in page and "「四風」" in page
    assert not set("“”‘’") & set(page)


def test_no_simplified_only_character_in_the_edition(site):
    for page in (site / "zh-Hant").rglob("index.html"):
        article = soup(page).find("article")
        if article is None:
            continue
        for el in article.select('[lang="en"], .wp-alt'):
            el.decompose()
        text = "".join(re.findall(r"[\u4e00-\u9fff]+", article.get_text()))
        assert text, page
        assert hanzidentifier.identify(text) in (hanzidentifier.TRADITIONAL, hanzidentifier.BOTH), page


def test_official_mainland_names_are_kept(site):
    text = soup(site / "zh-Hant" / "index.html").get_text()
    assert "國家知識產權局" in text and "智慧財產" not in text


def test_ui_and_search_are_traditional_chinese(site):
    page = soup(site / "zh-Hant" / "sections" / "3" / "index.html")
    assert page.html["lang"] == "zh-Hant"
    assert page.find("input", attrs={"name": "query"})["placeholder"] == "搜尋"
    index = json.loads((site / "zh-Hant" / "search" / "workplan-index.json").read_text(encoding="utf-8"))
    item = next(doc for doc in index["docs"] if doc.get("l") == "sections/3/#item-3-1")
    assert hanzidentifier.identify(item["x"]) in (hanzidentifier.TRADITIONAL, hanzidentifier.BOTH), item["x"]


def test_language_selector_links_the_same_page(site, plan):
    for code in ("zh-Hans", "zh-Hant", "en"):
        page = soup(site / code / "sections" / "5" / "index.html")
        links = {a["hreflang"]: a["href"] for a in page.select("a.wp-alternate")}
        assert links == {
            "zh-Hans": "../../../zh-Hans/sections/5/",
            "zh-Hant": "../../../zh-Hant/sections/5/",
            "en": "../../../en/sections/5/",
        }


CURLY = set("“”‘’")


def _chinese_parts(page):
    """The page as the traditional edition shows it: its article, without the English passages and
    the pinyin (Latin-script text, where “” are the right quotes)."""
    article = soup(page).find("article")
    for el in article.select('[lang="en"], [lang="zh-Latn-pinyin"], .wp-alt, .wp-alt-def'):
        el.decompose()
    return article


def test_no_curly_quotes_on_any_page_tooltip_or_card_of_the_edition(site):
    """「」 everywhere the edition shows Chinese: every page, glossary cards, and the tooltips of every link."""
    pages = sorted((site / "zh-Hant").rglob("index.html"))
    assert len(pages) >= 11
    for page in pages:
        if soup(page).find("article") is None:
            continue
        article = _chinese_parts(page)
        assert not CURLY & set(article.get_text()), page
        for el in article.select("[title]"):
            assert not CURLY & set(el["title"]), (page, el["title"])
    glossary = _chinese_parts(site / "zh-Hant" / "glossary" / "index.html").get_text()
    assert "「" in glossary and "」" in glossary


def test_search_results_use_the_editions_typography(site):
    index = json.loads((site / "zh-Hant" / "search" / "workplan-index.json").read_text(encoding="utf-8"))
    # t: title, x: the edition's own text (a: the other-language text, English here), l: location
    for doc in index["docs"]:
        assert not CURLY & set(doc.get("t", "") + doc.get("x", "")), doc["l"]
    glossary_docs = [d for d in index["docs"] if d["l"].startswith("glossary/#")]
    assert any("「" in d.get("x", "") for d in glossary_docs)
    assert any("2021—2035年" in d.get("x", "") for d in index["docs"] if d["l"].startswith("sections/2/"))


def test_every_page_states_what_the_edition_is(site):
    for page in sorted((site / "zh-Hant").rglob("index.html")):
        if soup(page).find("article") is None:
            continue
        notices = soup(page).select("p.wp-disclaimer")
        assert len(notices) == 1, page
        text = notices[0].get_text()
        assert "OpenCC" not in text and "s2tw" not in text and "臺灣" in text, page  # the tooling: on 關於本版
        assert "「」" in text and "以簡體中文原文為準" in text, page
        assert notices[0].find("a", href=re.compile(r"(^|index\.html|/)#about$")), page


@pytest.mark.parametrize(
    "code, words",
    [
        ("zh-Hans", ["計畫", "計劃", "發布", "發佈", "台湾", "香港", "以简体中文原文为准"]),
        ("zh-Hant", ["計畫", "計劃", "發布", "發佈", "臺灣", "香港", "以簡體中文原文為準"]),
    ],
)
def test_each_chinese_home_page_links_an_about_this_edition_section(site, code, words):
    home = soup(site / code / "index.html")
    assert home.find("a", href="#about"), code
    section = home.find(id="about")
    assert section is not None and section.name == "h2"
    text = " ".join(el.get_text() for el in section.find_all_next(["li", "p"]))
    for word in words:
        assert word in text, (code, word)
